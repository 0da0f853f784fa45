// The 受理回执 of a journaled application: built from the journal (applicant, number, password), the
// catalogue item and the terminal config, printed under the session id (a session end purges it from the
// queue), and returned as text (and, on the virtual printer, the PNG of the job) for the screen.
// Offline (no number yet) it is the honest 提交回执 with the local tracking code.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Journal, LocalApplication } from '@easydo/backend-client/outbox/journal';
import type { CatalogueItem } from '@easydo/backend-client/types';
import { getProfile } from '@easydo/device-drivers/printer/profiles';
import { DeviceCommandError } from '@easydo/device-drivers/device/model';
import type { ReceiptView } from '@easydo/core/contract/schemas/journey-receipt';
import { buildAcceptanceReceiptLayout, offlineTrackingLink, progressQueryLink, type AcceptanceReceiptData } from './index';
import { renderLayout } from '@easydo/device-drivers/printer/escpos/render';
import type { TerminalConfig } from '../config/schema';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { ReceiptPrinterBundle } from '../devices/receipt-printer';
import { trackingCodeOf } from '../applications/application-desk';
import { Failure } from '../ipc/failure';
import type { ResidentSession } from '../session/resident-session';
import { layoutToLines } from './receipt-lines';
import { SIGNATURE_MATERIAL_CODE } from '../applications/signature';

export interface ReceiptDeskOptions {
  config: () => TerminalConfig;
  journal: Journal;
  catalogue: CatalogueService;
  printer: ReceiptPrinterBundle;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class ReceiptDesk {
  constructor(private readonly o: ReceiptDeskOptions) {}

  /** First print, for an application the current session's cardholder just submitted. */
  async print(session: ResidentSession, localId: string): Promise<ReceiptView> {
    const app = this.app(localId);
    const card = session.card;
    if (!card || app.submission?.applicant.idNumber !== card.idNumber) {
      throw new Failure('forbidden', 'This application does not belong to the current session', 'not-yours');
    }
    const view = await this.printApp(app, session.id, false);
    if (app.state === 'accepted') this.o.journal.markReceiptPrinted(localId);
    return view;
  }

  /** 补打 on a later visit: the number and password prove the right to it (the printout is masked anyway). */
  async reprint(session: ResidentSession | null, acceptanceNumber: string, queryPassword: string): Promise<ReceiptView> {
    const app = this.o.journal
      .list()
      .find((a) => a.acceptanceNumber === acceptanceNumber && a.receipt && sameSecret(a.receipt.queryPassword, queryPassword));
    if (!app) throw new Failure('validation', 'No receipt with this number and password was issued on this terminal', 'not-found');
    if (!app.submission) throw new Failure('state', 'This application is past the retention period; ask at the counter', 'purged');
    return this.printApp(app, session?.id ?? `reprint-${randomUUID()}`, true);
  }

  private app(localId: string): LocalApplication {
    try {
      return this.o.journal.get(localId);
    } catch {
      throw new Failure('validation', 'Unknown application', 'not-found');
    }
  }

  private async printApp(app: LocalApplication, sessionId: string, reprint: boolean): Promise<ReceiptView> {
    const submission = app.submission;
    if (!submission) throw new Failure('state', 'This application is past the retention period', 'purged');
    const item = await this.o.catalogue.item(app.itemCode);
    const data = this.receiptData(app, item);
    const layout = buildAcceptanceReceiptLayout(data, { reprint });
    const config = this.o.config();
    const bytes = renderLayout(layout, getProfile(config.devices.receiptPrinter.profile));
    const virtual = this.o.printer.virtual;
    const before = virtual?.jobs.length ?? 0;
    try {
      await this.o.printer.printer.print(bytes, { jobId: randomUUID(), sessionId });
    } catch (err) {
      if (err instanceof DeviceCommandError) throw new Failure('device', 'The receipt could not be printed', err.code);
      throw err;
    }
    let pngBase64: string | null = null;
    if (virtual) {
      const jobs = await virtual.waitForJobs(before + 1);
      const job = jobs[jobs.length - 1];
      pngBase64 = job ? (await readFile(job.files.png)).toString('base64') : null;
    }
    const receipt = app.receipt;
    const trackingCode = trackingCodeOf(app.localId);
    return {
      localId: app.localId,
      kind: receipt ? 'accepted' : 'offline',
      acceptanceNumber: receipt?.acceptanceNumber ?? null,
      queryPassword: receipt?.queryPassword ?? null,
      trackingCode,
      qrPayload: receipt ? progressQueryLink(receipt) : offlineTrackingLink(trackingCode),
      lines: layoutToLines(layout),
      pngBase64,
      reprint,
    };
  }

  private receiptData(app: LocalApplication, item: CatalogueItem): AcceptanceReceiptData {
    const config = this.o.config();
    const applicant = app.submission!.applicant;
    const receipt = app.receipt;
    return {
      centre: config.centreName,
      terminalId: config.terminalId,
      itemName: item.name.zh,
      itemCode: item.code,
      applicantName: applicant.name,
      applicantIdNumber: applicant.idNumber,
      submittedAt: receipt?.submittedAt ?? new Date(app.submittedAt ?? app.createdAt).toISOString(),
      materials: app.materials.map((m) => receiptMaterial(m, item)),
      nextStep: receipt
        ? `${item.department.name}将在办理时限内处理，可凭受理编号和查询密码在本机或网上查询进度。`
        : '本终端将在网络恢复后自动提交申请，无需再次办理。',
      timeLimit: `自受理之日起${item.timeLimitWorkingDays}个工作日`,
      outcome: receipt
        ? { kind: 'accepted', acceptanceNumber: receipt.acceptanceNumber, queryPassword: receipt.queryPassword }
        : { kind: 'offline', trackingCode: trackingCodeOf(app.localId) },
    };
  }
}

/** How one journaled material reads on the receipt: scanned pages, an electronic certificate, or the signature. */
function receiptMaterial(m: LocalApplication['materials'][number], item: CatalogueItem): AcceptanceReceiptData['materials'][number] {
  if (m.code === SIGNATURE_MATERIAL_CODE) return { name: '申请人签名', copies: 1, form: '电子签名' };
  const name = item.materials.find((x) => x.code === m.code)?.name.zh ?? m.code;
  if (m.kind === 'certificate') return { name, copies: 1, form: '电子证照' };
  return { name, copies: m.pageCount, form: '扫描件' };
}
