// The endpoint's quick "surely 2025-era" check never disagrees with the SDK's own classification when it answers.
import { describe, expect, test } from 'bun:test';
import { isLegacyRequest } from '@modelcontextprotocol/server';
import { surelyLegacy } from '../../../server/mcp/endpoint.ts';

const envelope = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientCapabilities': {} };
const request = (headers: Record<string, string>) => new Request('http://127.0.0.1/mcp', { method: 'POST', headers: { 'content-type': 'application/json', ...headers } });

const CASES: Array<[string, Record<string, string>, unknown]> = [
  ['a 2025 call with a session', { 'mcp-protocol-version': '2025-11-25' }, { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'x', arguments: {} } }],
  ['initialize', {}, { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'c', version: '1' } } }],
  ['a notification', {}, { jsonrpc: '2.0', method: 'notifications/initialized' }],
  ['a posted response', {}, { jsonrpc: '2.0', id: 3, result: {} }],
  ['a batch', {}, [{ jsonrpc: '2.0', id: 1, method: 'ping' }, { jsonrpc: '2.0', id: 2, method: 'ping' }]],
  ['other _meta keys', {}, { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'x', _meta: { progressToken: 5 } } }],
  ['a 2026 request', { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/list' }, { jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: envelope } }],
  ['a claim without the header', {}, { jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: envelope } }],
  ['a modern header without a claim', { 'mcp-protocol-version': '2026-07-28' }, { jsonrpc: '2.0', id: 1, method: 'ping' }],
  ['a claim naming an unknown revision', {}, { jsonrpc: '2.0', id: 1, method: 'ping', params: { _meta: { 'io.modelcontextprotocol/protocolVersion': '2099-01-01' } } }],
  ['a batch with a claim', {}, [{ jsonrpc: '2.0', id: 1, method: 'ping', params: { _meta: envelope } }]],
];

describe('surelyLegacy', () => {
  for (const [name, headers, body] of CASES) {
    test(`agrees with the SDK for ${name}`, async () => {
      const sdk = await isLegacyRequest(request(headers), body);
      const quick = surelyLegacy(request(headers), body);
      // It may leave a request to the SDK (false), but when it says legacy the SDK must say so too.
      if (quick) expect(sdk).toBe(true);
      if (!sdk) expect(quick).toBe(false);
    });
  }

  test('settles the everyday 2025 requests itself', () => {
    for (const [, headers, body] of CASES.slice(0, 6)) expect(surelyLegacy(request(headers), body)).toBe(true);
  });
});
