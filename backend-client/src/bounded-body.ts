// Reads a fetch Response body up to a byte limit. A hostile or broken server that announces or streams more
// than the operation can legitimately answer is cut off (the stream is cancelled, so the socket closes) instead
// of being buffered until the process runs out of memory.

export class BodyTooLargeError extends Error {
  constructor(
    readonly limit: number,
    /** What the server announced in Content-Length, when it did. */
    readonly announced: number | undefined,
  ) {
    super(announced !== undefined ? `response announces ${announced} bytes, more than the ${limit} allowed` : `response body exceeds ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

export async function readBounded(res: Response, limit: number): Promise<Uint8Array> {
  const declared = res.headers.get('content-length');
  const announced = declared !== null && /^\d+$/.test(declared) ? Number(declared) : undefined;
  if (announced !== undefined && announced > limit) {
    await res.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(limit, announced);
  }
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limit, undefined);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
