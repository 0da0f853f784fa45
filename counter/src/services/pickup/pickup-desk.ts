// Picking up an application journaled on this terminal (pre-filled at a kiosk, or left unfinished): found by
// the local tracking code on its slip, by the slip's QR through the 2D scanner, or by the resident's card, and
// loaded into the counter's intake form.
import { parseReceiptQr } from '@easydo/core/services/journey/progress';
import { slipProofOf } from '@easydo/core/services/journey/reprint-proof';
import { issuedWithNumber, proofMatches, type ReprintProof } from '@easydo/core/services/receipts/slip-proof';
import type { ApplicationSummary } from '@easydo/core/contract/schemas/counter-documents';
import { trackingCodeOf } from '@easydo/core/services/applications/application-desk';
import { Failure } from '@easydo/core/services/errors/failure';
import { cardSessionOf } from '@easydo/core/services/session/card-session';
import type { TerminalContext } from '@easydo/core/services/terminal/context';
import type { JournaledApplication } from '../documents/document-data';
import { applicationLine } from '../documents/application-line';
import type { FormValue } from '@easydo/core/contract/schemas/application';

type Ctx = Pick<TerminalContext, 'applications' | 'catalogue' | 'sessions' | 'config'>;

export class PickupDesk {
  constructor(private readonly ctx: Ctx) {}

  private cardIdNumber(): string {
    return cardSessionOf(this.ctx.sessions.current(), 'counter').card.idNumber;
  }

  async find(query: { trackingCode?: string; byCard?: boolean; receiptQr?: string }): Promise<ApplicationSummary[]> {
    if (query.receiptQr !== undefined) {
      const qr = parseReceiptQr(query.receiptQr);
      if (qr.kind === 'track') return this.find({ trackingCode: qr.trackingCode });
      return this.byReceipt(slipProofOf(qr));
    }
    const code = query.trackingCode?.toUpperCase();
    const idNumber = query.byCard ? this.cardIdNumber() : null;
    // The tracking code is a plain column (SQL picks the row); the ID number is sealed, so matched here.
    const apps = (await this.ctx.applications.records.list({ withData: true, newestFirst: true, ...(code ? { trackingCode: code, limit: 20 } : {}) }))
      .filter((a) => a.submission && (code ? trackingCodeOf(a.localId) === code : a.submission.applicant.idNumber === idNumber))
      .slice(0, 20);
    return Promise.all(apps.map((a) => this.summary(a)));
  }

  /**
   * An accepted slip: the QR proves it (its token made under this terminal's secret, or an older slip's password).
   * A forged or another terminal's slip finds nothing here, as a wrong tracking code does.
   */
  private async byReceipt(proof: ReprintProof): Promise<ApplicationSummary[]> {
    const secret = this.ctx.config().terminalSecret;
    const apps = (await issuedWithNumber(this.ctx.applications.records, proof.acceptanceNumber)).filter((a) => a.submission && proofMatches(proof, a, secret));
    return Promise.all(apps.slice(0, 20).map((a) => this.summary(a)));
  }

  /** Typed values of a journaled application for the intake form; only for the resident whose card is read. */
  async resume(localId: string): Promise<{ itemCode: string; form: Record<string, FormValue> }> {
    let app: JournaledApplication;
    try {
      app = await this.ctx.applications.records.get(localId);
    } catch {
      throw new Failure('validation', 'Unknown application', 'not-found');
    }
    if (!app.submission) throw new Failure('state', 'This application is past the retention period', 'purged');
    if (app.submission.applicant.idNumber !== this.cardIdNumber()) throw new Failure('forbidden', "This application belongs to another resident", 'not-this-resident');
    // Card data is merged again in main on submission; personal values never go back to the screen.
    const form: Record<string, FormValue> = {};
    for (const [key, value] of Object.entries(app.submission.form)) {
      if (typeof value === 'string' && (value === app.submission.applicant.name || value === app.submission.applicant.idNumber || /^1[3-9]\d{9}$/.test(value))) continue;
      form[key] = value;
    }
    return { itemCode: app.itemCode, form };
  }

  private async summary(a: JournaledApplication): Promise<ApplicationSummary> {
    return {
      ...(await applicationLine(a, this.ctx.catalogue)),
      localStage: a.state,
      acceptanceNumber: a.acceptanceNumber,
      channel: a.submission?.channel ?? 'kiosk',
      createdAt: new Date(a.createdAt).toISOString(),
    };
  }
}
