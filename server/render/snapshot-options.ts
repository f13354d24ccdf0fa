// What a snapshot may be asked for, in a module of its own: the MCP tool needs these, not the renderer (ECharts, WASM),
// which loads only in the render worker.
import type { Dashboard } from '../dashboard/schema.ts';
import type { SnapshotTheme } from './theme.ts';

export const MIN_WIDTH = 360;
export const MAX_WIDTH = 1600;

/** The theme a dashboard is shown in when the caller does not choose: its own, with "auto" as light. */
export function defaultTheme(doc: Pick<Dashboard, 'theme'>): SnapshotTheme {
  return doc.theme === 'dark' ? 'dark' : 'light';
}
