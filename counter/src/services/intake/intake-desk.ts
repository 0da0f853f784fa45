// Intake on the resident's behalf. The resident's card starts main's session; the clerk picks the item, and
// this desk keeps one MaterialsSession for that session and item: pages from the document camera or the
// counter's scanner (the clerk captured them from the originals: trust B) or imported files (trust C until the clerk checks them against
// the originals: verifyPage stamps the clerk). Everything is wiped when the resident session ends.
import type { BeginIntakeResponse, IntakeResult, MaterialPageView, MaterialsView } from '@easydo/core/contract/schemas/counter-intake';
import { Failure } from '@easydo/core/services/errors/failure';
import { MaterialsError, MaterialsSession, type PageSource } from '@easydo/core/services/materials/session';
import { OcrPool } from '@easydo/core/services/materials/ocr-pool';
import { itemForCardFamily } from '@easydo/core/services/materials/checklist';
import { requiredMaterialsOf } from '@easydo/core/services/journey/materials-view';
import { missingMaterialIssues } from '@easydo/core/services/journey/missing-materials';
import { cardSessionOf, type CardSession } from '@easydo/core/services/session/card-session';
import type { SubmitExtras } from '@easydo/core/services/applications/application-port';
import type { TerminalContext } from '@easydo/core/services/terminal/context';
import { materialsView, pageView, type CatalogueItem } from './materials-view';
import { cardFactsOf, formTexts, submittedChecksOf } from '@easydo/core/services/journey/material-checks';
import type { FormValue } from '@easydo/core/contract/schemas/application';

interface Intake {
  session: CardSession;
  item: CatalogueItem;
  materials: MaterialsSession;
  /** What the pages are checked against besides the card: the form as prepared (card and resource library). */
  form: Record<string, string>;
  startedAt: number;
}

export interface SubmittedIntake {
  result: IntakeResult;
  startedAt: number;
  item: CatalogueItem;
}

type Ctx = Pick<TerminalContext, 'sessions' | 'catalogue' | 'applications' | 'devices' | 'log' | 'scanner' | 'config'>;

function materialsFailure(e: unknown): never {
  if (e instanceof MaterialsError) {
    const code = e.code === 'sessionWiped' || e.code === 'materialsMissing' ? 'state' : 'validation';
    throw new Failure(code, e.message, e.code);
  }
  throw e;
}

export class IntakeDesk {
  private intake: Intake | null = null;
  private pool: OcrPool | null = null;

  constructor(
    private readonly ctx: Ctx,
    private readonly onChange: () => void,
  ) {}

  private ocr(): OcrPool {
    // One worker: the counter shares its CPU with the kiosk services; created on first use.
    this.pool ??= new OcrPool({ size: 1, engine: this.ctx.config().ocr.engine });
    return this.pool;
  }

  private session(): CardSession {
    return cardSessionOf(this.ctx.sessions.current(), 'counter');
  }

  private current(): Intake {
    const s = this.session();
    if (!this.intake || this.intake.session !== s || this.intake.materials.isWiped) throw new Failure('state', 'Choose the item first', 'no-intake');
    return this.intake;
  }

  async begin(itemCode: string, startedAt: number): Promise<BeginIntakeResponse> {
    const session = this.session();
    const form = await this.ctx.applications.prepare(session, itemCode);
    const item = itemForCardFamily(await this.ctx.catalogue.item(itemCode), session.card.cardType);
    await this.drop();
    const materials = await MaterialsSession.create({
      pool: this.ocr(),
      // The counter takes paper: electronic certificates are the kiosk's self-service path.
      materials: requiredMaterialsOf(item).map((m) => ({ ...m, electronicCertificateType: null })),
    });
    materials.onEvent((e) => {
      if (e.type !== 'ocrProgress' && e.type !== 'checklistChanged') this.onChange();
    });
    const checkedAgainst = formTexts(await this.ctx.applications.formAsSubmitted(session, itemCode, {}));
    const intake: Intake = { session, item, materials, form: checkedAgainst, startedAt };
    session.onWipe(() => {
      intake.form = {};
      return materials.wipe();
    });
    this.intake = intake;
    return { form, materials: this.viewOf(intake) };
  }

  view(): MaterialsView {
    return this.viewOf(this.current());
  }

  private viewOf(i: Intake): MaterialsView {
    return materialsView(i.item, i.materials, cardFactsOf(i.session.card), i.form);
  }

  async addPage(source: 'camera' | 'file', materialCode: string | null, bytes: Uint8Array, staffId: string): Promise<MaterialPageView> {
    return this.add(this.current(), source, materialCode, bytes, source === 'camera' ? staffId : null);
  }

  /** A batch from the counter's scanner: the clerk put the originals on it, so each page is B, stamped. */
  async scan(materialCode: string | null, staffId: string): Promise<MaterialPageView[]> {
    const before = this.current(); // refuses before the scanner moves when no item was chosen
    if (materialCode && !before.item.materials.some((m) => m.code === materialCode)) throw new Failure('validation', 'Unknown material for this item', 'unknownMaterial');
    const scanner = this.ctx.scanner;
    if (!scanner) throw new Failure('device', 'This counter has no scanner', 'noDevice');
    const batch = await scanner.scan();
    try {
      // The resident may have left while the paper went through: their pages go nowhere else.
      const i = this.current();
      if (i !== before) throw new Failure('state', 'The intake changed during the scan; scan again', 'intake-changed');
      const pages: MaterialPageView[] = [];
      for (const bytes of batch) pages.push(await this.add(i, 'scanner', materialCode, bytes, staffId));
      return pages;
    } finally {
      for (const bytes of batch) bytes.fill(0);
    }
  }

  private async add(i: Intake, source: PageSource, materialCode: string | null, bytes: Uint8Array, clerk: string | null): Promise<MaterialPageView> {
    try {
      return pageView(await i.materials.addPage({ bytes, source, materialCode, capturedByClerk: clerk }));
    } catch (e) {
      return materialsFailure(e);
    }
  }

  assign(pageId: string, materialCode: string | null): MaterialsView {
    const i = this.current();
    try {
      i.materials.assignPage(pageId, materialCode);
    } catch (e) {
      materialsFailure(e);
    }
    return this.view();
  }

  verify(pageId: string, staffId: string): MaterialsView {
    const i = this.current();
    try {
      i.materials.verifyPage(pageId, staffId);
    } catch (e) {
      materialsFailure(e);
    }
    return this.view();
  }

  async remove(pageId: string): Promise<MaterialsView> {
    const i = this.current();
    try {
      await i.materials.removePage(pageId);
    } catch (e) {
      materialsFailure(e);
    }
    return this.view();
  }

  async submit(request: { itemCode: string; form: Record<string, FormValue>; allowMissingMaterials: boolean }, clerkToken: string): Promise<SubmittedIntake> {
    const i = this.current();
    if (i.item.code !== request.itemCode) throw new Failure('state', 'The form belongs to another item', 'item-mismatch');
    if (!this.ctx.devices.serviceState().canSubmit) throw new Failure('device', 'Submission is out of service', 'out-of-service');
    const pages = i.materials.listPages();
    if (pages.some((p) => p.trust.level !== 'B')) throw new Failure('state', 'Check every page against its original first', 'unverified-pages');
    if (pages.some((p) => !p.materialCode)) throw new Failure('state', 'File every page under a material first', 'unassigned-pages');
    const missing = i.materials.checklist().missing;
    if (missing.length > 0 && !request.allowMissingMaterials) {
      throw new Failure('state', `Missing materials: ${missing.join(', ')}`, 'materials-missing', missingMaterialIssues(i.item, missing));
    }
    let pdfs;
    try {
      pdfs = await i.materials.buildPdfs({ allowMissing: request.allowMissingMaterials });
    } catch (e) {
      return materialsFailure(e);
    }
    const materials: NonNullable<SubmitExtras['materials']> = pdfs.map((p) => ({
      code: p.materialCode,
      pageCount: p.pageCount,
      trustLevel: p.trust,
      contentType: 'application/pdf',
      data: p.bytes,
    }));
    // What the clerk was shown, against the form as it goes in now (the clerk's edits included), for the back office.
    const form = formTexts(await this.ctx.applications.formAsSubmitted(i.session, request.itemCode, request.form));
    const card = cardFactsOf(i.session.card);
    const materialChecks = submittedChecksOf(pages, (code) => i.materials.fieldsReportNow(code, card, form), pdfs.map((p) => p.materialCode));
    const response = await this.ctx.applications.submit(i.session, { itemCode: request.itemCode, form: request.form }, { channel: 'counter', clerkToken, materials, materialChecks });
    // The PDFs are sealed in the journal: the page images and OCR text can go now.
    await i.materials.wipe().catch((err: unknown) => this.ctx.log.warn({ err }, 'materials wipe after submission failed'));
    this.onChange();
    return {
      startedAt: i.startedAt,
      item: i.item,
      result: {
        ...response,
        itemName: i.item.name,
        materials: pdfs.map((p) => ({ code: p.materialCode, name: p.name, pages: p.pageCount, trust: p.trust })),
      },
    };
  }

  private async drop(): Promise<void> {
    const old = this.intake;
    this.intake = null;
    await old?.materials.wipe();
  }

  async close(): Promise<void> {
    await this.drop();
    await this.pool?.close();
  }
}
