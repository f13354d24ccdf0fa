// Live dashboard state: one signal per widget so an update re-renders only the widgets it changed.
import { batch, createSignal, type Accessor, type Setter } from 'solid-js';
import type { DashboardUpdate, DashboardView, Theme, WidgetView } from '../api/types';

export interface DashboardMeta {
  id: string;
  title: string;
  description?: string;
  theme: Theme;
  /** Whether the page takes answers, comments and messages. */
  feedback: boolean;
  revision: number;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
}

export interface DashboardStore {
  meta: Accessor<DashboardMeta | undefined>;
  /** Widget ids in display order; `<For>` over these strings keeps each widget's DOM across updates. */
  order: Accessor<string[]>;
  widget(id: string): Accessor<WidgetView | undefined>;
  applySnapshot(view: DashboardView): void;
  /** Returns false when there is no document yet to apply the update to (the caller should resync). */
  applyUpdate(update: DashboardUpdate): boolean;
  /** The whole document as JSON, for the "download dashboard" button. */
  toJSON(): DashboardView | undefined;
}

type Slot = [Accessor<WidgetView | undefined>, Setter<WidgetView | undefined>];

export function createDashboardStore(): DashboardStore {
  const [meta, setMeta] = createSignal<DashboardMeta>();
  const [order, setOrder] = createSignal<string[]>([], { equals: sameList });
  const slots = new Map<string, Slot>();
  // Serialised form of each widget, so a snapshot can tell an unchanged widget from a changed one.
  const fingerprints = new Map<string, string>();

  const slot = (id: string): Slot => {
    let s = slots.get(id);
    if (!s) {
      s = createSignal<WidgetView | undefined>(undefined, { equals: false });
      slots.set(id, s);
    }
    return s;
  };

  const put = (w: WidgetView, knownChanged: boolean): void => {
    const json = JSON.stringify(w);
    if (!knownChanged && fingerprints.get(w.id) === json) return;
    fingerprints.set(w.id, json);
    slot(w.id)[1](w);
  };

  const drop = (id: string): void => {
    fingerprints.delete(id);
    slots.get(id)?.[1](undefined);
  };

  return {
    meta,
    order,
    widget: (id) => slot(id)[0],
    applySnapshot(view) {
      batch(() => {
        const { widgets, ...rest } = view;
        setMeta(rest);
        const ids = new Set(widgets.map((w) => w.id));
        for (const id of [...fingerprints.keys()]) if (!ids.has(id)) drop(id);
        for (const w of widgets) put(w, false);
        setOrder(widgets.map((w) => w.id));
      });
    },
    applyUpdate(update) {
      const current = meta();
      if (!current) return false;
      if (update.revision <= current.revision) return true; // already seen (resume overlap)
      batch(() => {
        const { changed, removed, order: ids, ...rest } = update;
        setMeta({ ...current, ...rest });
        for (const id of removed) drop(id);
        for (const w of changed) put(w, true);
        setOrder(ids.filter((id) => fingerprints.has(id)));
      });
      return true;
    },
    toJSON() {
      const m = meta();
      if (!m) return undefined;
      const widgets = order().map((id) => slots.get(id)?.[0]()).filter((w): w is WidgetView => w !== undefined);
      return { ...m, widgets };
    },
  };
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
