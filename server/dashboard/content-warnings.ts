// What a widget holds that the page will not show as meant, although the schema accepts it: a markdown table that
// does not parse as one, table cells keyed to no column. Tool results and the snapshot's problem list both say it.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Nodes } from 'mdast';
import type { MarkdownWidget, TableWidget, Widget } from './schema.ts';

/** Few enough lines that a model reads them all; the first ones show the pattern. */
const MAX_WARNINGS = 5;
const MAX_LISTED = 5;
const MAX_RESULT_WARNINGS = 10;

/**
 * The content problems of one widget, one line each, naming the widget. These are warnings, not refusals: the
 * write keeps the data (a table's extra keys may be filled in by a later column; markdown stays as written).
 */
export function widgetContentWarnings(widget: Widget): string[] {
  const warnings = widget.kind === 'markdown' ? markdownWarnings(widget) : widget.kind === 'table' ? tableWarnings(widget) : [];
  return warnings.slice(0, MAX_WARNINGS).map((warning) => `${widget.kind} "${widget.id}": ${warning}`);
}

/** The warnings of several widgets, bounded so a big write cannot flood a tool result. */
export function contentWarnings(widgets: readonly Widget[]): string[] {
  const all: string[] = [];
  for (const widget of widgets) {
    all.push(...widgetContentWarnings(widget));
    if (all.length >= MAX_RESULT_WARNINGS) return all.slice(0, MAX_RESULT_WARNINGS);
  }
  return all;
}

/** Warnings as lines for a tool result: empty when there are none. */
export function warningText(warnings: readonly string[] | undefined): string {
  if (!warnings || warnings.length === 0) return '';
  return `\n${warnings.map((warning) => `Warning (the write was kept): ${warning}`).join('\n')}`;
}

function markdownWarnings(widget: MarkdownWidget): string[] {
  const text = widget.text;
  const tree = fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  const warnings: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'table') {
      const [head, ...body] = node.children;
      const columns = head?.children.length ?? 0;
      const uneven = body.filter((row) => row.children.length !== columns);
      if (uneven.length > 0) {
        const lines = uneven.slice(0, MAX_LISTED).map((row) => `${row.position?.start.line} (${row.children.length} cells)`);
        warnings.push(
          `the table at line ${node.position?.start.line} has ${columns} columns but ${uneven.length === 1 ? 'the row at line' : 'rows at lines'} ${lines.join(', ')}${uneven.length > MAX_LISTED ? ' and more' : ''}: give every row ${columns} cells (extra cells are dropped, missing ones show empty; a line of text right under a table becomes a row: leave a blank line before it)`,
        );
      }
      return;
    }
    if (node.type === 'paragraph') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      // Lines fenced by pipes; one alone counts only with two cells or more, so "|x|" in prose is left alone.
      const rows = text.slice(start, end).split('\n').filter((line) => /^\s*\|.*\|\s*$/.test(line));
      if (rows.length > 1 || rows.some((line) => (line.match(/(?<!\\)\|/g) ?? []).length >= 3)) {
        warnings.push(
          `the lines at line ${node.position?.start.line} look like a table but are not one: a table needs a delimiter row right under its header with one cell per column, e.g. | --- | --- | (it shows as lines of pipes)`,
        );
      }
      return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return warnings;
}

function tableWarnings(widget: TableWidget): string[] {
  const keys = new Set(widget.columns.map((column) => column.key));
  const unknown = new Map<string, number>();
  const used = new Set<string>();
  let longRows = 0;
  let firstLong = -1;
  widget.rows.forEach((row, i) => {
    if (Array.isArray(row)) {
      if (row.length > widget.columns.length) {
        longRows++;
        if (firstLong < 0) firstLong = i;
      }
      return;
    }
    for (const key of Object.keys(row)) {
      if (keys.has(key)) used.add(key);
      else unknown.set(key, (unknown.get(key) ?? 0) + 1);
    }
  });
  const warnings: string[] = [];
  if (unknown.size > 0) {
    const listed = [...unknown].slice(0, MAX_LISTED).map(([key, count]) => `"${key}" (${count === 1 ? '1 row' : `${count} rows`})`);
    warnings.push(
      `row keys that match no column are not shown: ${listed.join(', ')}${unknown.size > MAX_LISTED ? ` and ${unknown.size - MAX_LISTED} more` : ''}; column keys are ${[...keys].map((key) => `"${key}"`).join(', ')}: rename the keys or add columns for them`,
    );
    // A key with no value anywhere next to a key matching no column is most likely a misspelling of it.
    const empty = widget.columns.filter((column) => !used.has(column.key)).map((column) => `"${column.key}"`);
    if (empty.length > 0 && widget.rows.length > 0 && !Array.isArray(widget.rows[0])) {
      warnings.push(`column${empty.length === 1 ? '' : 's'} ${empty.join(', ')} ${empty.length === 1 ? 'has' : 'have'} no value in any row`);
    }
  }
  if (longRows > 0) {
    warnings.push(
      `${longRows === 1 ? '1 row has' : `${longRows} rows have`} more cells than the ${widget.columns.length} columns (first: row ${firstLong}); the extra cells are not shown: add columns or drop the cells`,
    );
  }
  return warnings;
}
