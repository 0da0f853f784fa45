// Worker-thread entry: preparePage away from the main event loop. Its page detection, perspective warp
// and deskew search are plain JS loops that stalled the terminal's main loop for up to ~300 ms a page.
// The client sends one job at a time; result bytes are transferred, not copied.
import { parentPort } from 'node:worker_threads';
import { preparePage } from './pipeline';
import { ownBytes, toRemoteError, type PrepareReply, type PrepareRequest } from './prepare-protocol';

const port = parentPort;
if (!port) throw new Error('prepare-worker runs only as a worker thread');

port.on('message', (req: PrepareRequest) => {
  void preparePage(req.bytes, req.options).then(
    (page) => {
      const master = ownBytes(page.master);
      const upload = ownBytes(page.upload);
      const thumbnail = ownBytes(page.thumbnail);
      const colour = page.colour ? ownBytes(page.colour) : null;
      const reply: PrepareReply = { id: req.id, ok: true, page: { ...page, master, upload, thumbnail, colour } };
      port.postMessage(reply, [master.buffer, upload.buffer, thumbnail.buffer, ...(colour ? [colour.buffer] : [])]);
    },
    (err: unknown) => {
      const reply: PrepareReply = { id: req.id, ok: false, error: toRemoteError(err) };
      port.postMessage(reply);
    },
  );
});
