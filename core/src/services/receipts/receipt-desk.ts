// The 受理回执 of a journaled application: built from the journal (applicant, number, password), the
// catalogue item and the terminal config, printed under the session id (a session end purges it from the
// queue), and returned as text (and, on the virtual printer, the PNG of the job) for the screen.
// Offline (no number yet) it is the honest 提交回执 with the local tracking code.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Journal, LocalApplication } from '@easydo/backend-client/outbox/journal';
import type { CatalogueItem } from '@easydo/backend-client/types';
import { getProfile } from '@easydo/device-drivers/printer/profiles';
import { DeviceCommandError } from '@easydo/device-drivers/device/model';
import type { ReceiptView } from '@easydo/core/contract/schemas/journey-receipt';
import { buildAcceptanceReceiptLayout, offlineTrackingLink, progressLinkBuilder, type AcceptanceReceiptData } from './index';
import { renderLayout } from '@easydo/device-drivers/printer/escpos/render';
import type { TerminalConfig } from '../config/schema';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { ReceiptPrinterBundle } from '../devices/receipt-printer';
import { trackingCodeOf } from '../applications/application-desk';
import { deviceReason } from '@easydo/core/contract/errors';
import { Failure } from '../errors/failure';
import type { ResidentSession } from '../session/resident-session';
import { layoutToLines } from './receipt-lines';
import { SIGNATURE_MATERIAL_CODE } from '../applications/signature';
import { DEFAULT_TIME_ZONE } from '@easydo/core/contract/local-time';
import type { ReceiptLanguage } from './receipt-data';
import { receiptSpeech } from './receipt-speech';
import { smsPhoneOf } from './receipt-sms';
import { issuedWithNumber, proofMatches } from './slip-proof';

export type SessionLanguage = 'zh' | 'en';

/** The session's language; English for a department that keeps Chinese records prints both. */
export function receiptLanguageFor(language: SessionLanguage, item: CatalogueItem): ReceiptLanguage {
  if (language === 'zh') return 'zh';
  return item.department.chineseRecordRequired ? 'bilingual' : 'en';
}

export interface ReceiptDeskOptions {
  config: () => TerminalConfig;
  journal: Pick<Journal, 'get' | 'list' | 'markReceiptPrinted'>;
  catalogue: CatalogueService;
  printer: ReceiptPrinterBundle;
}

export class ReceiptDesk {
  constructor(private readonly o: ReceiptDeskOptions) {}

  /** First print, for an application the current session's cardholder just submitted (the counter's thermal slip). */
  async print(session: ResidentSession, localId: string, language: SessionLanguage = 'zh'): Promise<ReceiptView> {
    const view = await this.printForScreen(session, localId, language);
    if (view.printed === false) throw new Failure('device', `The receipt could not be printed (${view.printFault})`, deviceReason(view.printFault), undefined, { device: 'receiptPrinter' });
    return view;
  }

  /**
   * The kiosk's first print (and 重新打印 in the same visit). The application is in whatever the printer does:
   * when it cannot print (paper out, cover open) the receipt comes back unprinted for the screen, with the
   * device reason, instead of an error.
   */
  async printForScreen(session: ResidentSession, localId: string, language: SessionLanguage = 'zh'): Promise<ReceiptView> {
    const app = await this.app(localId);
    const card = session.card;
    if (!card || app.submission?.applicant.idNumber !== card.idNumber) {
      throw new Failure('forbidden', 'This application does not belong to the current session', 'not-yours');
    }
    try {
      const view = await this.printApp(app, session.id, false, language);
      if (app.state === 'accepted') await this.o.journal.markReceiptPrinted(localId);
      return view;
    } catch (err) {
      if (!(err instanceof UnprintedReceipt)) throw err;
      const smsOffered = this.o.config().receiptSms && app.receipt != null && smsPhoneOf(app) !== null;
      return { ...err.view, printed: false, printFault: err.fault, smsOffered };
    }
  }

  /** 补打 on a later visit: the number and password prove the right to it (the printout is masked anyway). */
  async reprint(session: ResidentSession | null, acceptanceNumber: string, queryPassword: string, language: SessionLanguage = 'zh'): Promise<ReceiptView> {
    return this.reprintProven(session, acceptanceNumber, (a) => proofMatches({ acceptanceNumber, queryPassword }, a, this.o.config().terminalSecret), language);
  }

  /** 补打 from the slip's QR: its progress-page token, made under this terminal's secret, proves it was printed here. */
  async reprintByLink(session: ResidentSession | null, acceptanceNumber: string, progressToken: string, language: SessionLanguage = 'zh'): Promise<ReceiptView> {
    return this.reprintProven(session, acceptanceNumber, (a) => proofMatches({ acceptanceNumber, progressToken }, a, this.o.config().terminalSecret), language);
  }

  private async reprintProven(session: ResidentSession | null, acceptanceNumber: string, proves: (a: LocalApplication) => boolean, language: SessionLanguage): Promise<ReceiptView> {
    const issued = await issuedWithNumber(this.o.journal, acceptanceNumber);
    const app = issued.find(proves);
    // A number this terminal issued with another password is a wrong try (the journey counts it per number).
    if (!app && issued.length > 0) throw new Failure('validation', 'Wrong query password for this acceptance number', 'query-wrong-password');
    if (!app) throw new Failure('validation', 'No receipt with this number and password was issued on this terminal', 'not-found');
    if (!app.submission) throw new Failure('state', 'This application is past the retention period; ask at the counter', 'purged');
    return this.printApp(app, session?.id ?? `reprint-${randomUUID()}`, true, language);
  }

  private async app(localId: string): Promise<LocalApplication> {
    try {
      return await this.o.journal.get(localId);
    } catch {
      throw new Failure('validation', 'Unknown application', 'not-found');
    }
  }

  private async printApp(app: LocalApplication, sessionId: string, reprint: boolean, language: SessionLanguage): Promise<ReceiptView> {
    const submission = app.submission;
    if (!submission) throw new Failure('state', 'This application is past the retention period', 'purged');
    const item = await this.o.catalogue.item(app.itemCode);
    const data = this.receiptData(app, item, language);
    const config = this.o.config();
    const queryLink = progressLinkBuilder(config);
    const profile = getProfile(config.devices.receiptPrinter.profile);
    const layout = buildAcceptanceReceiptLayout(data, { reprint, queryLink, paper: profile });
    const bytes = renderLayout(layout, profile);
    const virtual = this.o.printer.virtual;
    const before = virtual?.jobs.length ?? 0;
    const receipt = app.receipt;
    const trackingCode = trackingCodeOf(app.localId);
    const view = (pngBase64: string | null, printFault?: string): ReceiptView => ({
      localId: app.localId,
      kind: receipt ? 'accepted' : 'offline',
      acceptanceNumber: receipt?.acceptanceNumber ?? null,
      queryPassword: receipt?.queryPassword ?? null,
      trackingCode,
      qrPayload: receipt ? queryLink(receipt.acceptanceNumber) : offlineTrackingLink(trackingCode),
      lines: layoutToLines(layout),
      // Unprinted, 朗读本页 says what to do instead of "take the receipt".
      speech: receiptSpeech(data, language === 'en' ? 'en' : 'zh', { reprint, printFault }),
      pngBase64,
      reprint,
    });
    try {
      await this.o.printer.printer.print(bytes, { jobId: randomUUID(), sessionId });
    } catch (err) {
      if (!(err instanceof DeviceCommandError)) throw err;
      const fault = deviceReason(err.code);
      // 补打 says why it failed; a first print hands the screen the receipt it could not print.
      if (!reprint) throw new UnprintedReceipt(view(null, fault), fault);
      throw new Failure('device', `The receipt could not be printed (${err.code})`, fault, undefined, { device: 'receiptPrinter' });
    }
    let pngBase64: string | null = null;
    if (virtual) {
      const jobs = await virtual.waitForJobs(before + 1);
      const job = jobs[jobs.length - 1];
      pngBase64 = job ? (await readFile(job.files.png)).toString('base64') : null;
    }
    return view(pngBase64);
  }

  private receiptData(app: LocalApplication, item: CatalogueItem, language: SessionLanguage): AcceptanceReceiptData {
    const config = this.o.config();
    const applicant = app.submission!.applicant;
    const receipt = app.receipt;
    const department = { zh: item.department.name, en: item.department.nameEn ?? item.department.name };
    return {
      centre: config.centreName,
      terminalId: config.terminalId,
      language: receiptLanguageFor(language, item),
      timeZone: config.timeZone ?? DEFAULT_TIME_ZONE,
      itemName: item.name,
      itemCode: item.code,
      applicantName: applicant.name,
      ...(applicant.latinName ? { applicantLatinName: applicant.latinName } : {}),
      applicantIdNumber: applicant.idNumber,
      ...(applicant.identityVerifiedBy ? { identityVerifiedBy: applicant.identityVerifiedBy } : {}),
      submittedAt: receipt?.submittedAt ?? new Date(app.submittedAt ?? app.createdAt).toISOString(),
      materials: app.materials.map((m) => receiptMaterial(m, item)),
      nextStep: receipt
        ? {
            zh: `${department.zh}将在办理时限内处理，可凭受理编号和查询密码在本机或网上查询进度。`,
            en: `The ${department.en} handles it within the time limit; check progress here or online with the acceptance number and password.`,
          }
        : { zh: '本终端将在网络恢复后自动提交申请，无需再次办理。', en: 'This terminal submits the application when the network is back; you need not apply again.' },
      timeLimit: { zh: `自受理之日起${item.timeLimitWorkingDays}个工作日`, en: `${item.timeLimitWorkingDays} working days from acceptance` },
      outcome: receipt
        ? { kind: 'accepted', acceptanceNumber: receipt.acceptanceNumber, queryPassword: receipt.queryPassword }
        : { kind: 'offline', trackingCode: trackingCodeOf(app.localId) },
    };
  }
}

/** A first print the printer refused: carries the receipt for the screen and the device reason. */
class UnprintedReceipt extends Error {
  constructor(readonly view: ReceiptView, readonly fault: string) {
    super(`receipt not printed (${fault})`);
  }
}

/** How one journaled material reads on the receipt: scanned pages, an electronic certificate, or the signature. */
function receiptMaterial(m: LocalApplication['materials'][number], item: CatalogueItem): AcceptanceReceiptData['materials'][number] {
  if (m.code === SIGNATURE_MATERIAL_CODE) return { name: { zh: '申请人签名', en: 'Signature' }, copies: 1, form: { zh: '电子签名', en: 'e-signature' } };
  const name = item.materials.find((x) => x.code === m.code)?.name ?? m.code;
  if (m.kind === 'certificate') return { name, copies: 1, form: { zh: '电子证照', en: 'e-certificate' } };
  return { name, copies: m.pageCount, form: { zh: '扫描件', en: 'scan' } };
}
