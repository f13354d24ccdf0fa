// Resolves the dashboard theme (auto follows prefers-color-scheme) and applies it to the document.
import { createEffect, createMemo, createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Theme } from '../api/types';

export type ResolvedTheme = 'light' | 'dark';

export function createResolvedTheme(theme: Accessor<Theme>): Accessor<ResolvedTheme> {
  const query = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : undefined;
  const [systemDark, setSystemDark] = createSignal(query?.matches ?? false);
  if (query) {
    const listener = (e: MediaQueryListEvent): void => {
      setSystemDark(e.matches);
    };
    query.addEventListener?.('change', listener);
    onCleanup(() => query.removeEventListener?.('change', listener));
  }
  // A memo, so charts (which re-create themselves on a theme change) ignore updates that keep the theme.
  const resolved = createMemo((): ResolvedTheme => {
    const t = theme();
    return t === 'auto' ? (systemDark() ? 'dark' : 'light') : t;
  });
  createEffect(() => {
    document.documentElement.dataset.theme = resolved();
  });
  return resolved;
}
