// The text account for the model: the layout (rows and their widths), each widget's kind, title and what it shows,
// then "Problems:", one line per problem starting with the widget id, or exactly "No problems found.".
import type { DashboardView } from '../dashboard/view.ts';
import type { PageRow } from './page.ts';

export const NO_PROBLEMS = 'No problems found.';

export interface PictureInfo {
  width: number;
  /** The tiles sent, top to bottom. */
  tiles: { top: number; height: number }[];
  /** Widgets below the last tile sent (the result had no room for more tiles). */
  cutOff: string[];
}

export interface AccountInput {
  view: DashboardView;
  theme: 'light' | 'dark';
  viewport: number;
  columns: number;
  picture: PictureInfo;
  rows: PageRow[];
  widgets: { id: string; kind: string; title?: string; summary: string }[];
  problems: string[];
  notDrawn: string[];
  /** Set when the picture shows one widget on its own. */
  focus?: string;
}

/** 200 widgets x 400 characters would crowd the picture out of the result's budget. */
const MAX_WIDGET_LINES = 60;

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function writeAccount(input: AccountInput): string {
  const { view, picture } = input;
  const count = picture.tiles.length;
  const scaled =
    count === 1
      ? `; picture ${picture.width}x${picture.tiles[0]!.height} px, as drawn`
      : `; picture in ${count} tiles top to bottom (${picture.tiles.map((t) => `y ${t.top}-${t.top + t.height}`).join(', ')}), each ${picture.width} px wide, as drawn`;
  const lines = [
    input.focus
      ? `Snapshot of widget "${input.focus}" on dashboard "${clip(view.title, 120)}" (revision ${view.revision}), drawn on its own at ${input.viewport} px wide, ${input.theme} theme${scaled}. Its problems below are as the page shows it in the dashboard.`
      : `Snapshot of dashboard "${clip(view.title, 120)}" (revision ${view.revision}) as a person sees it: ${input.theme} theme, ${input.viewport} px wide (${input.columns}-column grid)${scaled}.`,
  ];
  if (!input.focus) {
    lines.push(`Layout (${input.rows.length} row${input.rows.length === 1 ? '' : 's'}; columns of ${input.columns} per widget):`);
    input.rows.forEach((row, i) => lines.push(`  row ${i + 1}: ${row.widgets.map((w) => `${w.id} ${w.span}`).join(' | ')}`));
    if (picture.cutOff.length) lines.push(`  not in the picture (no room left in the tool result): ${picture.cutOff.join(', ')}; call dashboard_snapshot with "widget" to see one of them`);
    if (input.notDrawn.length) lines.push(`  not in the picture (the page is longer than a snapshot draws): ${input.notDrawn.join(', ')}`);
  }
  lines.push('Widgets:');
  for (const w of input.widgets.slice(0, MAX_WIDGET_LINES)) lines.push(`  ${w.id} (${w.kind}${w.title ? ` "${clip(w.title, 100)}"` : ''}): ${clip(w.summary, 400)}`);
  if (input.widgets.length > MAX_WIDGET_LINES) lines.push(`  (${input.widgets.length - MAX_WIDGET_LINES} more widgets; dashboard_get lists them all)`);
  lines.push('Problems:');
  if (input.problems.length === 0) lines.push(NO_PROBLEMS);
  else lines.push(...input.problems);
  return lines.join('\n');
}
