// One MaterialsSession per resident session, created for the chosen item and wiped with the session (or
// once the application is journaled). The OCR pool is one per terminal, started on first use because its
// workers hold ~0.5 GB each (PP-OCR; ~0.3 GB with tesseract); it is closed with the journey wiring.
import type { BackendClient } from '@easydo/backend-client/client';
import type { CatalogueItem } from '@easydo/backend-client/types';
import type { NewMaterial } from '@easydo/backend-client/outbox/journal';
import type { MaterialFieldCheck } from '@easydo/backend-client/types';
import type { MaterialsState, PageView } from '@easydo/core/contract/schemas/journey-materials';
import { Failure } from '../errors/failure';
import type { EventHub } from '../ipc/event-hub';
import type { Logger } from '../logging/logger';
import type { ResidentSession } from '../session/resident-session';
import type { CardSession } from '../session/card-session';
import { assertCardAccepted } from '../session/card-record';
import { OcrPool, defaultPoolSize, type OcrEngineName } from '../materials/ocr-pool';
import { MaterialsError, MaterialsSession, type PageSource } from '../materials/session';
import type { CatalogueService } from '../catalogue/catalogue-service';
import { missingMaterialIssues } from './missing-materials';
import { itemForCardFamily } from '../materials/checklist';
import { requiredMaterialsOf, sessionCertificates, toChecklistView, toMaterialsState, toPageSummary, toPageView, type SessionCertificate } from './materials-view';
import { cardFactsOf, pageChecksOf, submittedChecksOf } from './material-checks';
import type { CardFacts } from '../materials/fields/cross-check';

interface Active {
  sessionId: string;
  item: CatalogueItem;
  materials: MaterialsSession;
  certificates: SessionCertificate[];
  /** Session certificate id → full number: kept in main for the submission, never sent to a screen. */
  certificateNumbers: Map<string, string>;
  /** What is read off the pages is checked against these (main only; wiped with the materials). */
  card: CardFacts | null;
  /** The form as it will be submitted (typed values over the card's and the library's), as of materials:begin. */
  form: Record<string, string>;
}

export interface MaterialsDeskOptions {
  catalogue: CatalogueService;
  client: BackendClient;
  hub: EventHub;
  log: Logger;
  /** Parent folder of the sessions' private temp folders. */
  workDir?: string;
  /** Tests inject a pool; otherwise one is created lazily with defaultPoolSize(). */
  pool?: OcrPool;
  /** The configured engine (config.ocr.engine) for the pool created here. */
  ocrEngine?: OcrEngineName;
}

/** MaterialsError → typed contract error (sessionWiped is a state error; the rest are the resident's input). */
export function materialsFailure(err: unknown): unknown {
  if (!(err instanceof MaterialsError)) return err;
  return new Failure(err.code === 'sessionWiped' ? 'state' : 'validation', err.message, err.code);
}

export class MaterialsDesk {
  private active: Active | null = null;
  private pool: OcrPool | null;
  private readonly ownsPool: boolean;

  constructor(private readonly options: MaterialsDeskOptions) {
    this.pool = options.pool ?? null;
    this.ownsPool = !options.pool;
  }

  /** Starts capture for an item; the same item in the same session keeps the pages already taken. */
  async begin(session: CardSession, itemCode: string, form: Record<string, string> = {}): Promise<MaterialsState> {
    const catalogueItem = await this.options.catalogue.item(itemCode);
    assertCardAccepted(session.card, catalogueItem);
    const item = itemForCardFamily(catalogueItem, session.card.cardType);
    const current = this.active;
    if (current && current.sessionId === session.id && current.item.code === itemCode && !current.materials.isWiped) {
      current.form = { ...form };
      return this.state(current);
    }
    if (current) await this.drop(current);
    const { certificates, numbers: certificateNumbers } = await this.lookupCertificates(session, item);
    if (session.isEnded) throw new Failure('state', 'The session has ended', 'session-ended');
    const materials = await MaterialsSession.create({
      materials: requiredMaterialsOf(item),
      pool: this.ocrPool(),
      certificates,
      ...(this.options.workDir ? { workDir: this.options.workDir } : {}),
    });
    const active: Active = { sessionId: session.id, item, materials, certificates, certificateNumbers, card: cardFactsOf(session.card), form: { ...form } };
    this.active = active;
    materials.onEvent((e) => {
      if (e.type === 'ocrProgress') this.options.hub.emit('materials:ocrProgress', { pageId: e.pageId, progress: e.progress });
      else if (e.type === 'checklistChanged' || e.type === 'ocrDone' || e.type === 'ocrFailed') this.emitChanged(active);
    });
    session.onWipe(() => this.drop(active));
    return this.state(active);
  }

  list(session: ResidentSession): MaterialsState {
    return this.state(this.require(session));
  }

  async addImage(session: ResidentSession, bytes: Uint8Array, source: PageSource): Promise<PageView> {
    const active = this.require(session);
    try {
      return toPageView(await active.materials.addPage({ bytes, source }));
    } catch (err) {
      throw materialsFailure(err);
    }
  }

  assign(session: ResidentSession, pageId: string, materialCode: string | null): MaterialsState {
    const active = this.require(session);
    this.guard(() => active.materials.assignPage(pageId, materialCode));
    return this.state(active);
  }

  async remove(session: ResidentSession, pageId: string): Promise<MaterialsState> {
    const active = this.require(session);
    try {
      await active.materials.removePage(pageId);
    } catch (err) {
      throw materialsFailure(err);
    }
    return this.state(active);
  }

  useCertificate(session: ResidentSession, materialCode: string, certificateId: string | null): MaterialsState {
    const active = this.require(session);
    this.guard(() => active.materials.useElectronicCertificate(materialCode, certificateId));
    return this.state(active);
  }

  /**
   * The session's materials (if any) as the application desk takes them, checked for completeness (a typed
   * Failure when some are missing). `journaled` wipes the images and OCR text once the application is journaled.
   */
  async forSubmission(session: ResidentSession, itemCode: string): Promise<{ materials: NewMaterial[]; materialChecks: Record<string, MaterialFieldCheck[]>; journaled(): Promise<void> } | null> {
    const active = this.active;
    if (!active || active.sessionId !== session.id) return null;
    if (active.item.code !== itemCode) throw new Failure('state', 'The materials were captured for another item', 'materials-item-mismatch');
    const checklist = active.materials.checklist();
    if (!checklist.complete) {
      throw new Failure('validation', 'Some required materials are missing', 'materials-missing', missingMaterialIssues(active.item, checklist.missing));
    }
    let pdfs;
    try {
      pdfs = await active.materials.buildPdfs();
    } catch (err) {
      throw materialsFailure(err);
    }
    const materials: NewMaterial[] = pdfs.map((p) => ({
      code: p.materialCode,
      pageCount: p.pageCount,
      trustLevel: p.trust,
      contentType: 'application/pdf',
      data: p.bytes,
    }));
    // Chosen 电子证照 stand in for paper (buildPdfs skipped them); the library issued them, hence trust A.
    for (const m of checklist.materials) {
      if (m.satisfiedBy !== 'electronic' || !m.electronicCertificateId) continue;
      const number = active.certificateNumbers.get(m.electronicCertificateId);
      if (!number) throw new Failure('state', 'The chosen electronic certificate is no longer available', 'certificate-gone');
      materials.push({ code: m.code, trustLevel: 'A', electronicCertificateNumber: number });
    }
    // Read to the end (buildPdfs waited for the OCR): what the resident was shown travels to the back office.
    const materialChecks = submittedChecksOf(active.materials.listPages(), (code) => active.materials.fieldsReportNow(code, active.card, active.form), pdfs.map((p) => p.materialCode));
    return { materials, materialChecks, journaled: () => this.drop(active) };
  }

  /** Pages added by the scanner service go through the same checks as camera stills. */
  async addScanned(session: ResidentSession, pages: readonly Uint8Array[]): Promise<PageView[]> {
    const out: PageView[] = [];
    for (const bytes of pages) out.push(await this.addImage(session, bytes, 'scanner'));
    return out;
  }

  async close(): Promise<void> {
    if (this.active) await this.drop(this.active);
    if (this.pool && this.ownsPool) await this.pool.close();
    this.pool = null;
  }

  private ocrPool(): OcrPool {
    this.pool ??= new OcrPool({ size: defaultPoolSize(), ...(this.options.ocrEngine ? { engine: this.options.ocrEngine } : {}) });
    return this.pool;
  }

  private async lookupCertificates(session: ResidentSession, item: CatalogueItem): Promise<{ certificates: SessionCertificate[]; numbers: Map<string, string> }> {
    const none = { certificates: [], numbers: new Map<string, string>() };
    if (!session.card || !item.materials.some((m) => m.electronicCertificateType)) return none;
    try {
      const record = await this.options.client.lookupResident({ idNumber: session.card.idNumber, itemCode: item.code, fields: ['electronicCertificates'] });
      const list = record.found ? record.electronicCertificates ?? [] : [];
      const certificates = sessionCertificates(list); // same order as `list`
      return { certificates, numbers: new Map(certificates.map((c, i) => [c.id, list[i]!.number])) };
    } catch {
      return none; // Offline: paper only.
    }
  }

  private async drop(active: Active): Promise<void> {
    if (this.active === active) this.active = null;
    await active.materials.wipe();
    active.certificates.splice(0);
    active.certificateNumbers.clear();
    active.card = null;
    active.form = {};
  }

  private require(session: ResidentSession): Active {
    const a = this.active;
    if (!a || a.sessionId !== session.id || a.materials.isWiped) throw new Failure('state', 'Choose the service first (materials:begin)', 'no-materials');
    return a;
  }

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw materialsFailure(err);
    }
  }

  private state(a: Active): MaterialsState {
    const pages = a.materials.listPages();
    const label = (key: string) => a.item.fields.find((f) => f.key === key)?.label ?? null;
    const checks = pageChecksOf(pages, (code) => a.materials.fieldsReportNow(code, a.card, a.form), a.card, a.form, label);
    return toMaterialsState(a.item, a.materials.checklist(), pages, a.certificates, checks);
  }

  private emitChanged(a: Active): void {
    if (a.materials.isWiped || this.active !== a) return;
    this.options.hub.emit('materials:changed', {
      itemCode: a.item.code,
      checklist: toChecklistView(a.item, a.materials.checklist()),
      pages: a.materials.listPages().map(toPageSummary),
    });
  }
}
