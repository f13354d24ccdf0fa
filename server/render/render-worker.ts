// Worker thread entry: draws snapshots off the main thread, so seconds of rasterising never stall other requests.
// The compiled binary lists this file as an extra entrypoint (scripts/build.ts), which embeds it.
import { AppError } from '../errors.ts';
import { renderSnapshot } from './snapshot.ts';
import type { RenderReply, RenderRequest } from './render-protocol.ts';

declare const self: Worker;

self.onmessage = async (event: MessageEvent<RenderRequest>) => {
  const { id, doc, options } = event.data;
  let reply: RenderReply;
  try {
    const { svg: _svg, ...snapshot } = await renderSnapshot(doc, options);
    reply = { id, ok: true, snapshot };
    self.postMessage(reply, snapshot.tiles.map((t) => t.png.buffer as ArrayBuffer));
    // A snapshot leaves tens of MB of garbage (SVG strings, pixel copies); collect it now rather than let the heap
    // grow between snapshots that may be minutes apart.
    Bun.gc(true);
    return;
  } catch (error) {
    // Only domain errors carry a message meant for the model; anything else is reported as internal.
    reply = error instanceof AppError
      ? { id, ok: false, code: error.code, message: error.message }
      : {
          id,
          ok: false,
          code: 'internal',
          message: error instanceof Error ? error.message : String(error),
          // A Rust panic inside resvg-wasm leaves its instance unusable: every later call fails with "recursive use".
          broken: error instanceof WebAssembly.RuntimeError || /recursive use of an object|unreachable/i.test(String(error)),
        };
  }
  self.postMessage(reply);
};
