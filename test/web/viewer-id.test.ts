// The viewer id is per browser: a reload (a fresh module) finds the same id in localStorage.
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  localStorage.clear();
  vi.resetModules();
});

describe('viewerId', () => {
  it('stays the same across page loads of one browser', async () => {
    const first = (await import('../../web/src/lib/viewer-id')).viewerId();
    vi.resetModules();
    const second = (await import('../../web/src/lib/viewer-id')).viewerId();
    expect(second).toBe(first);
    expect(localStorage.getItem('mcpdash-viewer')).toBe(first);
  });

  it('starts a new one in a browser without a stored id (another browser, or storage cleared)', async () => {
    const first = (await import('../../web/src/lib/viewer-id')).viewerId();
    localStorage.clear();
    vi.resetModules();
    const other = (await import('../../web/src/lib/viewer-id')).viewerId();
    expect(other).not.toBe(first);
    expect(other).toMatch(/^[a-z0-9]{10}$/);
  });
});
