// Resumable uploads keyed by SHA-256: create (or find) → PUT chunks at the server's offset → complete
// once the bytes hash to the promised digest. A client that lost track asks for the offset and resumes.
import { createHash, randomBytes } from 'node:crypto';
import type { UploadCreateRequest, UploadStatus } from '../../src/types';
import { ApiError, header, type Handler, type HandlerContext } from './context';

interface UploadRow {
  upload_id: string;
  sha256: string;
  size: number;
  content_type: string;
  data: Buffer;
  complete: number;
}

const view = (r: UploadRow): UploadStatus => ({ uploadId: r.upload_id, sha256: r.sha256, size: r.size, offset: r.data.length, complete: r.complete === 1 });

function load(ctx: HandlerContext, uploadId: string): UploadRow {
  const row = ctx.db.prepare('SELECT * FROM uploads WHERE upload_id = ?').get(uploadId) as UploadRow | undefined;
  if (!row) throw new ApiError(404, 'not_found', 'no such upload');
  return row;
}

export function completedUpload(ctx: HandlerContext, uploadId: string): UploadRow | undefined {
  const row = ctx.db.prepare('SELECT * FROM uploads WHERE upload_id = ?').get(uploadId) as UploadRow | undefined;
  return row && row.complete === 1 ? row : undefined;
}

export const createUpload: Handler = (ctx, req) => {
  const body = req.body as UploadCreateRequest;
  const existing = ctx.db.prepare('SELECT * FROM uploads WHERE sha256 = ?').get(body.sha256) as UploadRow | undefined;
  if (existing) {
    if (existing.size !== body.size) throw new ApiError(409, 'checksum_mismatch', 'same digest announced with another size');
    return { status: 200, body: view(existing) };
  }
  const uploadId = `up_${randomBytes(12).toString('base64url')}`;
  ctx.db.prepare('INSERT INTO uploads (upload_id, sha256, size, content_type, data) VALUES (?, ?, ?, ?, ?)').run(uploadId, body.sha256, body.size, body.contentType, Buffer.alloc(0));
  return { status: 200, body: view(load(ctx, uploadId)) };
};

export const getUpload: Handler = (ctx, req) => ({ status: 200, body: view(load(ctx, req.params['uploadId'] ?? '')) });

export const putUploadChunk: Handler = (ctx, req) => {
  const offset = Number(header(req, 'upload-offset'));
  const tx = ctx.db.transaction((): UploadStatus => {
    const row = load(ctx, req.params['uploadId'] ?? '');
    if (row.complete === 1) return view(row);
    if (offset !== row.data.length) throw new ApiError(409, 'offset_mismatch', 'offset does not match the bytes received', { offset: row.data.length });
    const data = Buffer.concat([row.data, req.rawBody]);
    if (data.length > row.size) throw new ApiError(400, 'bad_request', 'chunk runs past the announced size');
    let complete = 0;
    let stored = data;
    if (data.length === row.size) {
      if (createHash('sha256').update(data).digest('hex') !== row.sha256) {
        ctx.db.prepare('UPDATE uploads SET data = ? WHERE upload_id = ?').run(Buffer.alloc(0), row.upload_id);
        return { ...view(row), offset: -1 };
      }
      complete = 1;
    }
    if (complete === 0 && stored.length === row.size) stored = Buffer.alloc(0);
    ctx.db.prepare('UPDATE uploads SET data = ?, complete = ? WHERE upload_id = ?').run(stored, complete, row.upload_id);
    return view({ ...row, data: stored, complete });
  });
  const status = tx();
  if (status.offset < 0) throw new ApiError(422, 'checksum_mismatch', 'bytes do not hash to the announced sha256; upload restarted', { offset: 0 });
  return { status: 200, body: status };
};
