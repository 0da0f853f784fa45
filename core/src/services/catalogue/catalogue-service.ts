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
import { Failure } from '../ipc/failure';
import { toCatalogueView } from './catalogue-view';

interface CacheEntry {
  etag: string;
  catalogue: Catalogue;
}

export class CatalogueService {
  private memory: CacheEntry | null = null;

  constructor(
    private readonly client: BackendClient,
    private readonly cacheFile: string,
  ) {}

  async get(): Promise<CatalogueView> {
    const { entry, fromCache } = await this.refresh();
    return toCatalogueView(entry.catalogue, fromCache);
  }

  /** The full definition of one item (fields, materials, guide) for the journey. */
  async item(code: string): Promise<CatalogueItem> {
    const { entry } = await this.refresh();
    const item = entry.catalogue.items.find((i) => i.code === code);
    if (!item) throw new Failure('validation', `Unknown service item ${code}`);
    return item;
  }

  private async refresh(): Promise<{ entry: CacheEntry; fromCache: boolean }> {
    const cached = this.memory ?? this.readCache();
    try {
      const result = await this.client.getCatalogue(cached ? { etag: cached.etag } : {});
      if (result.notModified && cached) return { entry: (this.memory = cached), fromCache: false };
      if (!result.notModified) {
        const entry = { etag: result.etag, catalogue: result.catalogue };
        this.writeCache(entry);
        return { entry: (this.memory = entry), fromCache: false };
      }
      throw new Failure('backend', 'The catalogue server answered 304 without a cached copy');
    } catch (error) {
      if (cached && error instanceof BackendError) return { entry: (this.memory = cached), fromCache: true };
      if (error instanceof Failure) throw error;
      throw new Failure('backend', 'The service catalogue is not available right now', error instanceof BackendError ? error.code : 'unknown');
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
