import { describe, expect, it } from 'vitest';
import { createEffect, createRoot, createSignal } from 'solid-js';
import type { Theme } from '../../web/src/api/types';
import { createResolvedTheme } from '../../web/src/lib/theme';

describe('createResolvedTheme', () => {
  it('applies the theme to the document and notifies only when it really changes', async () => {
    const [meta, setMeta] = createSignal<{ theme: Theme; revision: number }>({ theme: 'dark', revision: 1 });
    const seen: string[] = [];
    const dispose = createRoot((dispose) => {
      const theme = createResolvedTheme(() => meta().theme);
      createEffect(() => seen.push(theme()));
      return dispose;
    });
    await Promise.resolve();
    setMeta({ theme: 'dark', revision: 2 }); // an update that keeps the theme must not redraw charts
    setMeta({ theme: 'light', revision: 3 });
    await Promise.resolve();
    expect(seen).toEqual(['dark', 'light']);
    expect(document.documentElement.dataset.theme).toBe('light');
    dispose();
  });
});
