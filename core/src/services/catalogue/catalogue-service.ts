// The service catalogue: fetched with ETag so an unchanged catalogue costs one 304, cached on disk so guides
// and browsing keep working when the backend is unreachable. The cache is public data; it is still checked
// against the API schema when read back, like any other file we did not just write.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BackendClient } from '@easydo/backend-client/client';
import { BackendError } from '@easydo/backend-client/errors';
import { specValidator } from '@easydo/backend-client/spec-validator';
import type { Catalogue, CatalogueItem } from '@easydo/backend-client/types';
import type { CatalogueView } from '@easydo/core/contract/schemas/catalogue';
import { Failure } from '../errors/failure';
import { toCatalogueView } from './catalogue-view';

interface CacheEntry {
  etag: string;
  catalogue: Catalogue;
}

interface Known {
  entry: CacheEntry;
  fromCache: boolean;
  /** When the backend was last asked (successfully or not). */
  checkedAt: number;
}

export interface CatalogueServiceOptions {
  /** How long a catalogue the backend confirmed is used before asking again. Default 5 minutes. */
  maxAgeMs?: number;
  /** After a failed revalidation, how long the cached copy is served before trying again. Default 30 s. */
  retryAfterFailureMs?: number;
  now?: () => number;
}

export class CatalogueService {
  // Every form, submission, receipt and progress lookup needs an item: they are served from memory and the
  // backend is asked at most once per window (one request shared by concurrent callers), so an unreachable
  // backend costs one timeout per window, not one per screen.
  private known: Known | null = null;
  private inflight: Promise<Known> | null = null;
  private readonly maxAgeMs: number;
  private readonly retryAfterFailureMs: number;
  private readonly now: () => number;

  constructor(
    private readonly client: BackendClient,
    private readonly cacheFile: string,
    options: CatalogueServiceOptions = {},
  ) {
    this.maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
    this.retryAfterFailureMs = options.retryAfterFailureMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  async get(): Promise<CatalogueView> {
    const { entry, fromCache } = await this.current();
    return toCatalogueView(entry.catalogue, fromCache);
  }

  /** The full definition of one item (fields, materials, guide) for the journey. */
  async item(code: string): Promise<CatalogueItem> {
    const { entry } = await this.current();
    const item = entry.catalogue.items.find((i) => i.code === code);
    if (!item) throw new Failure('validation', `Unknown service item ${code}`, 'unknown-item');
    return item;
  }

  private current(): Promise<Known> {
    const k = this.known;
    if (k && this.now() - k.checkedAt < (k.fromCache ? this.retryAfterFailureMs : this.maxAgeMs)) return Promise.resolve(k);
    this.inflight ??= this.refresh().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async refresh(): Promise<Known> {
    const cached = this.known?.entry ?? this.readCache();
    const checkedAt = this.now();
    try {
      const result = await this.client.getCatalogue(cached ? { etag: cached.etag } : {});
      if (result.notModified && cached) return (this.known = { entry: cached, fromCache: false, checkedAt });
      if (!result.notModified) {
        const entry = { etag: result.etag, catalogue: result.catalogue };
        this.writeCache(entry);
        return (this.known = { entry, fromCache: false, checkedAt });
      }
      throw new Failure('backend', 'The catalogue server answered 304 without a cached copy', 'catalogue-unavailable');
    } catch (error) {
      if (cached && error instanceof BackendError) return (this.known = { entry: cached, fromCache: true, checkedAt });
      if (error instanceof Failure) throw error;
      throw new Failure('backend', `The service catalogue is not available right now (${error instanceof BackendError ? error.code : 'unknown'})`, 'catalogue-unavailable');
    }
  }

  private readCache(): CacheEntry | null {
    if (!existsSync(this.cacheFile)) return null;
    try {
      const raw = JSON.parse(readFileSync(this.cacheFile, 'utf8')) as { etag?: unknown; catalogue?: unknown };
      if (typeof raw.etag !== 'string') return null;
      const check = specValidator().validateResponse('getCatalogue', 200, raw.catalogue);
      return check.ok ? { etag: raw.etag, catalogue: raw.catalogue as Catalogue } : null;
    } catch {
      return null; // A damaged cache is as good as none: the next successful fetch rewrites it.
    }
  }

  private writeCache(entry: CacheEntry): void {
    mkdirSync(path.dirname(this.cacheFile), { recursive: true });
    const tmp = `${this.cacheFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(entry));
    renameSync(tmp, this.cacheFile);
  }
}
