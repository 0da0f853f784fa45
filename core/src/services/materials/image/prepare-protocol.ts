// Messages between OffThreadPreparer and its worker thread. Errors cross as plain data (code, name,
// message, never a stack) and are rebuilt as the same typed errors on the calling side.
import type { PreparedPage, PreparePageOptions } from './pipeline';
import { ImageDecodeError } from './raster';

export interface PrepareRequest {
  id: number;
  bytes: Uint8Array;
  options: PreparePageOptions;
}

export interface RemoteError {
  name: string;
  code: string | null;
  message: string;
  /** The cause's message (e.g. what sharp said about a corrupt file). */
  detail: string | null;
}

export type PrepareReply = { id: number; ok: true; page: PreparedPage } | { id: number; ok: false; error: RemoteError };

/** A preparation failure without a class of its own on this side; keeps the worker's code and name. */
export class PagePrepareError extends Error {
  constructor(
    readonly code: string,
    message: string,
    name = 'PagePrepareError',
  ) {
    super(message);
    this.name = name;
  }
}

export function toRemoteError(err: unknown): RemoteError {
  const e = err instanceof Error ? err : new Error(String(err));
  const code = (e as { code?: unknown }).code;
  return {
    name: e.name,
    code: typeof code === 'string' ? code : null,
    message: e.message,
    detail: e.cause instanceof Error ? e.cause.message : null,
  };
}

export function fromRemoteError(e: RemoteError): Error {
  if (e.code === 'imageDecode') return new ImageDecodeError(new Error(e.detail ?? e.message));
  return new PagePrepareError(e.code ?? 'pagePrepareFailed', e.message, e.name);
}

/**
 * A copy-free transferable view: the bytes as a Uint8Array that owns its whole ArrayBuffer (copied
 * only when it is a slice of a larger or shared buffer, which must not be detached).
 */
export function ownBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const b = bytes.buffer;
  if (b instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === b.byteLength) return new Uint8Array(b);
  return new Uint8Array(bytes);
}
