// Bodies are bounded whether their length is declared or streamed, and a body within the bound arrives whole.
import { describe, expect, test } from 'bun:test';
import { Hono } from 'hono';
import { bodyLimit } from '../../../../server/http/middleware/body-limit.ts';
import { LimitError } from '../../../../server/errors.ts';
import { appErrorResponse } from '../../../../server/http/error-response.ts';

function app() {
  const hono = new Hono();
  hono.onError(appErrorResponse);
  hono.post('/', bodyLimit({ maxBytes: 10, tooLarge: () => new LimitError('too large') }), async (c) => c.text(await c.req.text()));
  return hono;
}

const streamed = (text: string) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of text.match(/.{1,4}/g) ?? []) controller.enqueue(new TextEncoder().encode(part));
      controller.close();
    },
  });

describe('bodyLimit', () => {
  test('refuses a declared length over the bound without reading the body', async () => {
    const res = await app().request('/', { method: 'POST', headers: { 'content-length': '11' }, body: 'x'.repeat(11) });
    expect(res.status).toBe(413);
  });

  test('refuses a streamed body once it passes the bound, and passes one within it whole', async () => {
    const over = await app().request('/', { method: 'POST', headers: { 'transfer-encoding': 'chunked' }, body: streamed('0123456789ab'), duplex: 'half' } as RequestInit);
    expect(over.status).toBe(413);
    const within = await app().request('/', { method: 'POST', headers: { 'transfer-encoding': 'chunked' }, body: streamed('0123456789'), duplex: 'half' } as RequestInit);
    expect(within.status).toBe(200);
    expect(await within.text()).toBe('0123456789');
  });
});
