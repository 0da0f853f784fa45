// One resident's materials: pages captured from the document camera, scanner, hot folder or a file,
// OCR'd in the shared pool, matched against the chosen item's checklist, and turned into one
// searchable PDF per material. Images live only in a private folder, encrypted with a key held in memory
// (sealed-files.ts), and OCR text only in memory; wipe() cancels OCR in flight and deletes both (the session
// ends, or the application is journaled).
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { Listeners } from '@easydo/device-drivers/device/listeners';
import { sniffImageFormat } from '@easydo/device-drivers/scanner/image-magic';
import type { PageSource, PreparePageOptions } from './image/pipeline';
import { sharedPreparer, type PagePreparer } from './image/prepare-off-thread';
import { OcrCancelledError, type OcrLine, type OcrPool } from './ocr-pool';
import { buildSearchablePdf, type SearchablePdfOptions } from './searchable-pdf';
import type { CardFacts } from './fields/cross-check';
import { materialFieldsReport, type MaterialFieldsReport } from './fields/material-report';
import { makeMaterialsDir, readSealed, sweepStaleMaterials, writeSealed } from './sealed-files';
import {
  evaluateChecklist,
  suggestMaterial,
  type ChecklistResult,
  type ElectronicCertificate,
  type RequiredMaterial,
  type TrustLevel,
} from './checklist';
import { codedError } from '@easydo/device-drivers/device/coded-error';

export type { PageSource } from './image/pipeline';

export type PageOcrStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface PageTrust {
  level: TrustLevel;
  /** Clerk who checked the page against the original (level B only). */
  verifiedBy: string | null;
  verifiedAt: string | null;
}

/** What the UI may see about a page: no OCR text, no image bytes except the thumbnail. */
export interface PageInfo {
  id: string;
  source: PageSource;
  materialCode: string | null;
  suggestedCode: string | null;
  ocr: PageOcrStatus;
  progress: number;
  trust: PageTrust;
  thumbnail: Uint8Array;
}

export interface MaterialPdf {
  materialCode: string;
  name: string;
  bytes: Uint8Array;
  sha256: string;
  pageCount: number;
  /** The weakest trust of its pages. */
  trust: TrustLevel;
  verifiedBy: string[];
}

export type MaterialsEvent =
  | { type: 'pageAdded'; page: PageInfo }
  | { type: 'ocrProgress'; pageId: string; progress: number }
  | { type: 'ocrDone'; pageId: string; suggestedCode: string | null; ms: number }
  | { type: 'ocrFailed'; pageId: string; code: string }
  | { type: 'pageChanged'; page: PageInfo }
  | { type: 'checklistChanged'; checklist: ChecklistResult }
  | { type: 'wiped' };

export interface AddPageInput {
  bytes: Uint8Array;
  source: PageSource;
  materialCode?: string | null;
  /** A clerk capturing at the counter vouches for the original at once (trust B). */
  capturedByClerk?: string | null;
}

export interface MaterialsSessionOptions {
  materials: readonly RequiredMaterial[];
  pool: OcrPool;
  /** Electronic certificates the resource library holds for this resident. */
  certificates?: readonly ElectronicCertificate[];
  /** Parent of the session's private folder; default $XDG_RUNTIME_DIR when private, else os.tmpdir(). */
  workDir?: string;
  pipeline?: Omit<PreparePageOptions, 'source'>;
  /** Default: the process-wide worker thread (sharedPreparer), so page preparation never stalls the main loop. */
  prepare?: PagePreparer;
  pdf?: SearchablePdfOptions;
  /** Largest accepted input file. */
  maxBytes?: number;
}

export class MaterialsError extends codedError<
  'sessionWiped' | 'notAnImage' | 'imageTooLarge' | 'imageTooSmall' | 'unknownMaterial' | 'unknownPage' | 'unknownCertificate' | 'materialsMissing'
>('MaterialsError') {}

interface PageRecord {
  info: PageInfo;
  dir: string;
  width: number;
  height: number;
  dpi: number;
  text: string | null;
  lines: OcrLine[];
  ocrDone: Promise<void>;
}

let sweptOnce: Promise<number> | null = null;

export class MaterialsSession {
  private readonly pages = new Map<string, PageRecord>();
  private readonly chosenCertificates = new Map<string, ElectronicCertificate>();
  private readonly events = new Listeners<MaterialsEvent>();
  private readonly abort = new AbortController();
  private wiped = false;

  private constructor(
    private readonly options: MaterialsSessionOptions,
    /** The session's private folder (mode 0700); gone after wipe(). */
    readonly dir: string,
  ) {}

  static async create(options: MaterialsSessionOptions): Promise<MaterialsSession> {
    // Belt and braces for compositions that did not sweep at start: once per process, before the first page.
    sweptOnce ??= sweepStaleMaterials(options.workDir).catch(() => 0);
    await sweptOnce;
    return new MaterialsSession(options, await makeMaterialsDir(options.workDir));
  }

  onEvent(listener: (e: MaterialsEvent) => void): () => void {
    return this.events.add(listener);
  }

  get isWiped(): boolean {
    return this.wiped;
  }

  listPages(): PageInfo[] {
    return [...this.pages.values()].map((p) => structuredClone(p.info));
  }

  /** Recognised text of a page (personal data: for the clerk's screen, never for logs). */
  pageText(pageId: string): string | null {
    return this.page(pageId).text;
  }

  checklist(): ChecklistResult {
    const pages = [...this.pages.values()].map((p) => ({ id: p.info.id, materialCode: p.info.materialCode }));
    return evaluateChecklist(this.options.materials, pages, this.chosenCertificates);
  }

  /** Validates, prepares and stores a page, then queues OCR; resolves before OCR finishes. */
  async addPage(input: AddPageInput): Promise<PageInfo> {
    this.assertLive();
    if (input.materialCode) this.material(input.materialCode);
    await this.validate(input.bytes);
    const prepare = this.options.prepare ?? sharedPreparer().prepare;
    const prepared = await prepare(input.bytes, { ...this.options.pipeline, source: input.source });
    this.assertLive();
    const id = randomUUID();
    const dir = path.join(this.dir, id);
    await mkdir(dir, { mode: 0o700 });
    // Only the upload image is read back (for the PDF); the master (and the colour copy, for the seals) goes to OCR
    // from memory and is never written.
    await writeSealed(path.join(dir, 'upload.jpg'), prepared.upload);
    if (this.wiped) {
      // wipe() ran while we were writing: leave nothing behind.
      await rm(dir, { recursive: true, force: true });
      this.assertLive();
    }
    const clerk = input.capturedByClerk ?? null;
    const info: PageInfo = {
      id,
      source: input.source,
      materialCode: input.materialCode ?? null,
      suggestedCode: null,
      ocr: 'queued',
      progress: 0,
      trust: { level: clerk ? 'B' : 'C', verifiedBy: clerk, verifiedAt: clerk ? new Date().toISOString() : null },
      thumbnail: prepared.thumbnail,
    };
    const record: PageRecord = { info, dir, width: prepared.width, height: prepared.height, dpi: prepared.dpi, text: null, lines: [], ocrDone: Promise.resolve() };
    this.pages.set(id, record);
    record.ocrDone = this.runOcr(record, prepared.master, prepared.colour);
    this.events.emit({ type: 'pageAdded', page: structuredClone(info) });
    this.emitChecklist();
    return structuredClone(info);
  }

  /** The resident (or clerk) files a page under a material, or un-files it with null. */
  assignPage(pageId: string, materialCode: string | null): PageInfo {
    this.assertLive();
    if (materialCode) this.material(materialCode);
    const record = this.page(pageId);
    record.info.materialCode = materialCode;
    this.changed(record);
    return structuredClone(record.info);
  }

  /** Accepts the OCR suggestion for every unassigned page that has one. */
  acceptSuggestions(): void {
    for (const record of this.pages.values()) {
      if (!record.info.materialCode && record.info.suggestedCode) this.assignPage(record.info.id, record.info.suggestedCode);
    }
  }

  async removePage(pageId: string): Promise<void> {
    this.assertLive();
    const record = this.page(pageId);
    this.pages.delete(pageId);
    await rm(record.dir, { recursive: true, force: true });
    this.emitChecklist();
  }

  /** Use an electronic certificate from the resource library instead of paper (null: undo). */
  useElectronicCertificate(materialCode: string, certificateId: string | null): ChecklistResult {
    this.assertLive();
    const material = this.material(materialCode);
    if (certificateId === null) {
      this.chosenCertificates.delete(materialCode);
    } else {
      const cert = (this.options.certificates ?? []).find((c) => c.id === certificateId);
      if (!cert || !material.electronicCertificateType || cert.type !== material.electronicCertificateType) {
        throw new MaterialsError('unknownCertificate', 'That certificate cannot stand in for this material');
      }
      this.chosenCertificates.set(materialCode, cert);
    }
    return this.emitChecklist();
  }

  /** A clerk has checked the page against the original: trust C → B, stamped with the clerk id. */
  verifyPage(pageId: string, clerkId: string): PageInfo {
    this.assertLive();
    if (!clerkId.trim()) throw new RangeError('clerkId is required');
    const record = this.page(pageId);
    record.info.trust = { level: 'B', verifiedBy: clerkId, verifiedAt: new Date().toISOString() };
    this.changed(record);
    return structuredClone(record.info);
  }

  /** Fields read off one material's pages, checked against the card and form (null: no fixed fields). Waits for OCR. */
  async fieldsReport(materialCode: string, card: CardFacts | null, form: Readonly<Record<string, string | undefined>> = {}): Promise<MaterialFieldsReport | null> {
    this.assertLive();
    await this.whenOcrIdle();
    return this.fieldsReportNow(materialCode, card, form);
  }

  /** The same report from the pages whose OCR has finished so far (screens refresh it as pages finish). */
  fieldsReportNow(materialCode: string, card: CardFacts | null, form: Readonly<Record<string, string | undefined>> = {}): MaterialFieldsReport | null {
    this.assertLive();
    const pages = [...this.pages.values()].filter((p) => p.info.materialCode === materialCode && p.info.ocr === 'done');
    return materialFieldsReport(materialCode, pages.map((p) => ({ pageId: p.info.id, lines: p.lines })), card, form);
  }

  /** Resolves when every queued page has finished (or failed) OCR. */
  async whenOcrIdle(): Promise<void> {
    await Promise.all([...this.pages.values()].map((p) => p.ocrDone));
  }

  /**
   * One searchable PDF per material that has paper pages, in capture order. Waits for OCR. Refuses
   * while required materials are missing unless allowMissing is set (e.g. a clerk's partial 补正).
   */
  async buildPdfs(options: { allowMissing?: boolean } = {}): Promise<MaterialPdf[]> {
    this.assertLive();
    await this.whenOcrIdle();
    this.assertLive();
    const checklist = this.checklist();
    if (!checklist.complete && !options.allowMissing) {
      throw new MaterialsError('materialsMissing', `Missing materials: ${checklist.missing.join(', ')}`);
    }
    const out: MaterialPdf[] = [];
    for (const material of this.options.materials) {
      if (this.chosenCertificates.has(material.code)) continue;
      const records = [...this.pages.values()].filter((p) => p.info.materialCode === material.code);
      if (records.length === 0) continue;
      const inputs = await Promise.all(
        records.map(async (r) => ({
          image: await readSealed(path.join(r.dir, 'upload.jpg')),
          widthPx: r.width,
          heightPx: r.height,
          dpi: r.dpi,
          lines: r.lines,
        })),
      );
      const pdf = await buildSearchablePdf(inputs, { ...this.options.pdf, title: material.name });
      out.push({
        materialCode: material.code,
        name: material.name,
        ...pdf,
        trust: records.every((r) => r.info.trust.level === 'B') ? 'B' : 'C',
        verifiedBy: [...new Set(records.flatMap((r) => (r.info.trust.verifiedBy ? [r.info.trust.verifiedBy] : [])))],
      });
    }
    return out;
  }

  /** Cancels OCR in flight and deletes every image, text and temp file of this session. Idempotent. */
  async wipe(): Promise<void> {
    if (this.wiped) return;
    this.wiped = true;
    this.abort.abort();
    for (const record of this.pages.values()) {
      record.text = null;
      record.lines = [];
    }
    this.pages.clear();
    this.chosenCertificates.clear();
    await rm(this.dir, { recursive: true, force: true });
    this.events.emit({ type: 'wiped' });
    this.events.clear();
  }

  private async runOcr(record: PageRecord, master: Uint8Array, colour: Uint8Array | null): Promise<void> {
    const { info } = record;
    try {
      const result = await this.options.pool.recognize(master, {
        colour,
        signal: this.abort.signal,
        onProgress: (progress) => {
          if (this.wiped) return;
          info.ocr = 'running';
          info.progress = progress;
          this.events.emit({ type: 'ocrProgress', pageId: info.id, progress });
        },
      });
      if (this.wiped || !this.pages.has(info.id)) return;
      record.text = result.text;
      record.lines = result.lines;
      info.ocr = 'done';
      info.progress = 1;
      info.suggestedCode = suggestMaterial(result.text, this.options.materials)?.code ?? null;
      this.events.emit({ type: 'ocrDone', pageId: info.id, suggestedCode: info.suggestedCode, ms: result.ms });
      this.changed(record);
    } catch (err) {
      info.ocr = err instanceof OcrCancelledError ? 'cancelled' : 'failed';
      if (!this.wiped) this.events.emit({ type: 'ocrFailed', pageId: info.id, code: (err as { code?: string }).code ?? 'ocrFailed' });
    }
  }

  private async validate(bytes: Uint8Array): Promise<void> {
    if (bytes.byteLength > (this.options.maxBytes ?? 40 * 1024 * 1024)) throw new MaterialsError('imageTooLarge', 'The page image is too large');
    if (!sniffImageFormat(bytes)) throw new MaterialsError('notAnImage', 'The file is not a supported image');
    let meta: sharp.Metadata;
    try {
      meta = await sharp(bytes).metadata();
    } catch {
      throw new MaterialsError('notAnImage', 'The image could not be read');
    }
    const w = meta.width ?? 0;
    const h = meta.height ?? 0;
    if (Math.min(w, h) < 300) throw new MaterialsError('imageTooSmall', 'The page image is too small to read');
    if (w * h > 80_000_000) throw new MaterialsError('imageTooLarge', 'The page image has too many pixels');
  }

  private changed(record: PageRecord): void {
    this.events.emit({ type: 'pageChanged', page: structuredClone(record.info) });
    this.emitChecklist();
  }

  private emitChecklist(): ChecklistResult {
    const checklist = this.checklist();
    this.events.emit({ type: 'checklistChanged', checklist });
    return checklist;
  }

  private material(code: string): RequiredMaterial {
    const m = this.options.materials.find((x) => x.code === code);
    if (!m) throw new MaterialsError('unknownMaterial', `Unknown material ${code}`);
    return m;
  }

  private page(id: string): PageRecord {
    this.assertLive();
    const p = this.pages.get(id);
    if (!p) throw new MaterialsError('unknownPage', 'Unknown page');
    return p;
  }

  private assertLive(): void {
    if (this.wiped) throw new MaterialsError('sessionWiped', 'The materials session has ended');
  }
}
