// The origins the server's own pages come from: what the host/origin guard and the page feedback check both allow.
import { describe, expect, test } from 'bun:test';
import { ownOrigins } from '../../../server/http/origins.ts';

describe('ownOrigins', () => {
  test('are the loopback names with the bound port, plus the public URL origin when there is one', () => {
    expect([...ownOrigins(undefined, 8787)].sort()).toEqual(['http://127.0.0.1:8787', 'http://[::1]:8787', 'http://localhost:8787']);
    const withPublic = ownOrigins('https://dash.example.com/', 8787);
    expect(withPublic.has('https://dash.example.com')).toBe(true);
    expect(withPublic.size).toBe(4);
  });

  test('never allow another port or another host', () => {
    const origins = ownOrigins('https://dash.example.com', 8787);
    for (const other of ['http://localhost:8788', 'https://evil.example.com', 'http://dash.example.com', 'https://dash.example.com:8443']) expect(origins.has(other)).toBe(false);
  });
});
