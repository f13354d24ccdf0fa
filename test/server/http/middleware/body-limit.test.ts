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

describe('bodyLimit time bound', () => {
  /** A real server and a raw socket that sends the headers and part of the body, then stalls. */
  async function stalledRequest(timeoutMs: number): Promise<{ answer: string; answeredMs: number; closedMs: number; reached: boolean }> {
    let reached = false;
    const hono = new Hono();
    hono.onError(appErrorResponse);
    hono.post('/', bodyLimit({ maxBytes: 1024, tooLarge: () => new LimitError('too large'), timeoutMs }), async (c) => {
      reached = true;
      return c.text(await c.req.text());
    });
    const server = Bun.serve({ port: 0, fetch: hono.fetch, idleTimeout: 60 });
    const { connect } = await import('node:net');
    const started = Date.now();
    try {
      return await new Promise((resolve) => {
        let answer = '';
        let answeredMs = -1;
        const socket = connect(server.port!, '127.0.0.1', () => socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"half":'));
        socket.on('data', (chunk) => {
          answer += chunk;
          if (answeredMs < 0) answeredMs = Date.now() - started;
        });
        socket.on('close', () => resolve({ answer, answeredMs, closedMs: Date.now() - started, reached }));
        setTimeout(() => socket.destroy(), timeoutMs + 5_000);
      });
    } finally {
      server.stop(true);
    }
  }

  test('answers 408 and closes the connection when the body stalls, without reaching the route', async () => {
    const result = await stalledRequest(500);
    expect(result.answer).toStartWith('HTTP/1.1 408');
    expect(result.answer.toLowerCase()).toContain('connection: close');
    expect(result.answer).toContain('request_timeout');
    expect(result.answeredMs).toBeGreaterThanOrEqual(450);
    expect(result.closedMs).toBeLessThan(2_000);
    expect(result.reached).toBe(false);
  });

  test('a body that arrives in time, declared or chunked, reaches the route whole', async () => {
    const declared = await app().request('/', { method: 'POST', headers: { 'content-length': '5' }, body: 'hello' });
    expect(await declared.text()).toBe('hello');
    const hono = new Hono();
    hono.onError(appErrorResponse);
    hono.post('/', bodyLimit({ maxBytes: 1024, tooLarge: () => new LimitError('too large'), timeoutMs: 1_000 }), async (c) => c.json(await c.req.json()));
    const server = Bun.serve({ port: 0, fetch: hono.fetch });
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
      expect(await res.json()).toEqual({ a: 1 });
    } finally {
      server.stop(true);
    }
  });
});
