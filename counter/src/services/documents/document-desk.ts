// Counter documents: 受理回执 and the application form (A4), and the decision notices 受理通知书 /
// 不予受理通知书 / 补齐补正通知书 once the platform's stage says which one applies. Printed through CUPS
// (`lp -d <devices.a4Printer.queue>`); job titles carry no personal data. The thermal 受理回执 goes through the
// terminal's shared ReceiptDesk (the kiosk's receipt:print) on the receipt printer, the virtual one by default.
import type { DocumentKind, PrintDocumentResponse, StageResponse } from '@easydo/core/contract/schemas/counter-documents';
import { Failure } from '@easydo/core/services/errors/failure';
import { buildAcceptanceReceiptPdf, buildApplicationPdf, buildNoticePdf, LpError, printPdfWithLp, progressLinkBuilder, type NoticePdfData } from '@easydo/core/services/receipts/index';
import { trackingCodeOf } from '@easydo/core/services/applications/application-desk';
import type { TerminalContext } from '@easydo/core/services/terminal/context';
import { applicationData, docNumber, receiptData, timeLimitText, type JournaledApplication } from './document-data';

type Ctx = Pick<TerminalContext, 'config' | 'applications' | 'catalogue' | 'backend' | 'log' | 'sessions' | 'receipts' | 'receiptPrinter'>;
type Status = Awaited<ReturnType<TerminalContext['backend']['client']['queryApplication']>>;

export class DocumentDesk {
  constructor(private readonly ctx: Ctx) {}

  async app(localId: string): Promise<JournaledApplication> {
    try {
      return await this.ctx.applications.records.get(localId);
    } catch {
      throw new Failure('validation', 'Unknown application', 'not-found');
    }
  }

  private async status(app: JournaledApplication): Promise<Status | null> {
    if (!app.receipt) return null;
    try {
      return await this.ctx.backend.client.queryApplication({ acceptanceNumber: app.receipt.acceptanceNumber, queryPassword: app.receipt.queryPassword });
    } catch (err) {
      this.ctx.log.warn({ err, localId: app.localId }, 'stage query failed');
      throw new Failure('backend', 'The acceptance platform cannot be reached for the stage', 'unreachable');
    }
  }

  async stage(localId: string): Promise<StageResponse> {
    const app = await this.app(localId);
    const status = await this.status(app);
    const reached = new Set(status?.history.map((h) => h.stage) ?? []);
    const documents: DocumentKind[] = ['receipt', 'thermal', 'application'];
    if (reached.has('受理')) documents.push('acceptance');
    if (reached.has('不予受理')) documents.push('rejection');
    if (reached.has('补齐补正')) documents.push('correction');
    const rejected = status?.history.find((h) => h.stage === '不予受理');
    const supplement = status?.history.find((h) => h.stage === '补齐补正');
    return { serverStage: status?.stage ?? null, documents, reason: rejected?.reason ?? null, supplementList: supplement?.supplementList ?? [] };
  }

  async print(localId: string, kind: DocumentKind): Promise<PrintDocumentResponse> {
    const app = await this.app(localId);
    if (kind === 'thermal') return this.thermal(app);
    const applicant = app.submission?.applicant;
    if (!applicant) throw new Failure('state', 'This application is past the retention period', 'purged');
    const item = await this.ctx.catalogue.item(app.itemCode);
    const config = this.ctx.config();
    let pdf: Buffer;
    if (kind === 'receipt') pdf = await buildAcceptanceReceiptPdf(receiptData(app, applicant, item, config.centreName, config.terminalId), progressLinkBuilder(config));
    else if (kind === 'application') pdf = await buildApplicationPdf(applicationData(app, applicant, item, config.centreName));
    else pdf = await buildNoticePdf(await this.notice(app, kind, { name: applicant.name, idNumber: applicant.idNumber }, item));
    const queue = config.devices.a4Printer.queue;
    try {
      const { jobId } = await printPdfWithLp(pdf, { queue, title: `easydo-${kind}-${trackingCodeOf(app.localId)}` });
      if (kind === 'receipt' && app.state === 'accepted') await this.ctx.applications.records.markReceiptPrinted(app.localId);
      this.ctx.log.info({ localId, kind, jobId }, 'counter document printed');
      return { kind, target: 'cups', queue, jobId };
    } catch (e) {
      if (e instanceof LpError) throw new Failure('device', `The A4 printer (${queue}) refused the job: ${e.message}`, e.code);
      throw e;
    }
  }

  /**
   * With the applicant's card on the reader it is the receipt's first print (the ReceiptDesk checks the card);
   * without it, the clerk's 补打 from the journal's number and password (the printout is masked either way).
   */
  private async thermal(app: JournaledApplication): Promise<PrintDocumentResponse> {
    const session = this.ctx.sessions.current();
    const virtual = this.ctx.receiptPrinter.virtual;
    const before = virtual?.jobs.length ?? 0;
    if (session?.card && session.card.idNumber === app.submission?.applicant.idNumber) await this.ctx.receipts.print(session, app.localId);
    else if (app.receipt) await this.ctx.receipts.reprint(session, app.receipt.acceptanceNumber, app.receipt.queryPassword);
    else throw new Failure('state', "Not accepted yet: place the applicant's card on the reader to print the submission receipt", 'no-card');
    const address = this.ctx.config().devices.receiptPrinter.address;
    // The virtual printer numbers its jobs; a real ESC/POS printer has no job id to show, so the tracking code stands in.
    const job = virtual?.jobs[before];
    const jobId = job ? String(job.id) : trackingCodeOf(app.localId);
    this.ctx.log.info({ localId: app.localId, kind: 'thermal', jobId }, 'counter document printed');
    return { kind: 'thermal', target: 'thermal', queue: address, jobId };
  }

  private async notice(
    app: JournaledApplication,
    kind: 'acceptance' | 'rejection' | 'correction',
    applicant: { name: string; idNumber: string },
    item: Awaited<ReturnType<Ctx['catalogue']['item']>>,
  ): Promise<NoticePdfData> {
    const status = await this.status(app);
    const number = app.receipt?.acceptanceNumber;
    if (!status || !number) throw new Failure('state', 'No acceptance number yet: the notice follows the platform decision', 'no-number');
    const stage = { acceptance: '受理', rejection: '不予受理', correction: '补齐补正' }[kind];
    const event = status.history.find((h) => h.stage === stage);
    if (!event) throw new Failure('state', `The platform has not decided ${stage} for this application (now: ${status.stage})`, 'wrong-stage');
    const base = {
      organisation: item.department.name,
      docNumber: docNumber(item.department.code, kind, number, event.at),
      applicant,
      itemName: item.name.zh,
      acceptanceNumber: number,
      decidedAt: event.at,
    };
    if (kind === 'acceptance') return { ...base, kind, timeLimit: timeLimitText(item), nextStep: '本机关将在办理时限内作出决定，请凭受理编号和查询密码查询进度。' };
    if (kind === 'rejection') {
      return {
        ...base,
        kind,
        reasons: [event.reason ?? '申请不符合受理条件'],
        legalBasis: '《中华人民共和国行政许可法》第三十二条',
        remedy: '可在收到本通知书之日起六十日内申请行政复议，或者在六个月内依法提起行政诉讼。',
      };
    }
    const list = event.supplementList?.length ? event.supplementList : ['补充材料'];
    return { ...base, kind, items: list.map((m) => ({ material: m, requirement: '提交原件供核验' })), deadline: deadlineText(event.at) };
  }
}

/** Five working days is common practice for 补齐补正; printed as a date. */
function deadlineText(fromIso: string): string {
  const d = new Date(fromIso);
  let left = 5;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
  }
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日前`;
}
