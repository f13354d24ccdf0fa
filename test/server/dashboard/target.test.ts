// parseDashboardRef: the id or URL a model passes back resolves to the stored id, anything else to nothing.
import { describe, expect, test } from 'bun:test';
import { isDashboardId, parseDashboardRef } from '../../../server/dashboard/target.ts';

const ID = '3f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c';

describe('parseDashboardRef', () => {
  test('accepts a bare id, lower-casing it', () => {
    expect(parseDashboardRef(ID)).toBe(ID);
    expect(parseDashboardRef(` ${ID.toUpperCase()} `)).toBe(ID);
  });

  test('accepts a dashboard URL from any host, with or without a trailing slash, query or fragment', () => {
    expect(parseDashboardRef(`https://example.trycloudflare.com/dashboard/${ID}`)).toBe(ID);
    expect(parseDashboardRef(`http://127.0.0.1:8787/dashboard/${ID}/`)).toBe(ID);
    expect(parseDashboardRef(`https://host.ts.net/base/dashboard/${ID.toUpperCase()}?x=1#top`)).toBe(ID);
  });

  test('refuses anything else', () => {
    for (const ref of ['', 'sales', `${ID}x`, `https://example.com/api/dashboard/${ID}/events`, `https://example.com/${ID}`, `ftp://h/dashboard/${ID}`, `https://example.com/dashboard/not-a-uuid`]) {
      expect(parseDashboardRef(ref)).toBeUndefined();
    }
  });
});

describe('isDashboardId', () => {
  test('accepts only lower-case UUIDs', () => {
    expect(isDashboardId(ID)).toBe(true);
    expect(isDashboardId(ID.toUpperCase())).toBe(false);
    expect(isDashboardId('../etc/passwd')).toBe(false);
    expect(isDashboardId(undefined)).toBe(false);
  });
});
