// IdRemapper: only colliding ids get a private id; answers come back with the client's id, however they are chunked.
import { describe, expect, test } from 'bun:test';
import type { JSONRPCMessage } from '@modelcontextprotocol/server';
import { IdRemapper } from '../../../../server/mcp/session/id-remap.ts';

const request = (id: number | string) => ({ jsonrpc: '2.0', id, method: 'ping' }) as JSONRPCMessage;

/** An SSE response whose body arrives in the given chunks. */
const sse = (chunks: string[]) =>
  new Response(
    new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    }),
    { headers: { 'content-type': 'text/event-stream' } },
  );

describe('IdRemapper', () => {
  test('passes a first use of an id through and remaps a concurrent reuse', () => {
    const remapper = new IdRemapper();
    const first = [request(1)];
    const second = [request(1)];
    expect(remapper.inbound(first).remapped).toBe(false);
    expect((first[0] as { id: unknown }).id).toBe(1);
    const ticket = remapper.inbound(second);
    expect(ticket.remapped).toBe(true);
    expect((second[0] as { id: unknown }).id).not.toBe(1);
  });

  test('an id is free again once its answer stream has ended', () => {
    const remapper = new IdRemapper();
    remapper.inbound([request(7)]).release();
    const again = [request(7)];
    expect(remapper.inbound(again).remapped).toBe(false);
  });

  test('restores the client id even when an event is split across chunks', async () => {
    const remapper = new IdRemapper();
    remapper.inbound([request(1)]);
    const second = [request(1)];
    const ticket = remapper.inbound(second);
    const privateId = (second[0] as { id: string }).id;
    const event = `event: message\ndata: {"result":{},"jsonrpc":"2.0","id":"${privateId}"}\n\n`;
    let done = false;
    const response = remapper.outbound(sse([event.slice(0, 20), event.slice(20, 41), event.slice(41)]), () => (done = true), {
      rewrite: ticket.remapped,
      flushHeaders: false,
    });
    const text = await response.text();
    expect(text).toContain('"id":1');
    expect(text).not.toContain(privateId);
    expect(done).toBe(true);
  });
});
