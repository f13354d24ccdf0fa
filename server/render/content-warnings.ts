// Stand-in for server/dashboard/content-warnings.ts (h-server15's pure `widgetContentWarnings`, not on main yet): what
// a widget holds that the page will not show as meant although the schema accepts it (a markdown table that does not
// parse as one, table row keys that match no column). Same signature and line format, so the snapshot's one caller
// (content-problems.ts) is pointed at theirs by changing its import, and this file is deleted.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Nodes } from 'mdast';
import type { MarkdownWidget, TableWidget, Widget } from '../dashboard/schema.ts';

const MAX_WARNINGS = 5;
const MAX_LISTED = 5;
/** Markdown past this is not parsed again for warnings (the body renderer reads the same bounded text). */
const MAX_MARKDOWN = 100_000;

/** One line per content problem, each starting `<kind> "<id>": `. */
export function widgetContentWarnings(widget: Widget): string[] {
  const warnings = widget.kind === 'markdown' ? markdownWarnings(widget) : widget.kind === 'table' ? tableWarnings(widget) : [];
  return warnings.slice(0, MAX_WARNINGS).map((warning) => `${widget.kind} "${widget.id}": ${warning}`);
}

function markdownWarnings(widget: MarkdownWidget): string[] {
  const text = widget.text.slice(0, MAX_MARKDOWN);
  const tree = fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  const warnings: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'table') {
      const [head, ...body] = node.children;
      const columns = head?.children.length ?? 0;
      const uneven = body.filter((row) => row.children.length !== columns);
      if (uneven.length > 0) {
        warnings.push(
          `the table at line ${node.position?.start.line} has ${columns} columns but ${uneven.length} row${uneven.length === 1 ? ' has' : 's have'} another number of cells (first at line ${uneven[0]!.position?.start.line}): give every row ${columns} cells`,
        );
      }
      return;
    }
    if (node.type === 'paragraph') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined && text.slice(start, end).split('\n').some((l) => /^\s*\|.*\|/.test(l))) {
        warnings.push(`the lines at line ${node.position?.start.line} look like a table but are not one (no delimiter row such as | --- | --- | under the header): they show as lines of pipes`);
      }
      return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return warnings;
}

function tableWarnings(widget: TableWidget): string[] {
  const keys = new Set(widget.columns.map((c) => c.key));
  const unknown = new Map<string, number>();
  for (const row of widget.rows) {
    if (Array.isArray(row)) continue;
    for (const key of Object.keys(row)) if (!keys.has(key)) unknown.set(key, (unknown.get(key) ?? 0) + 1);
  }
  if (unknown.size === 0) return [];
  const listed = [...unknown].slice(0, MAX_LISTED).map(([key, count]) => `"${key}" (${count === 1 ? '1 row' : `${count} rows`})`);
  return [
    `row keys that match no column are not shown: ${listed.join(', ')}${unknown.size > MAX_LISTED ? ` and ${unknown.size - MAX_LISTED} more` : ''}; column keys are ${[...keys].map((k) => `"${k}"`).join(', ')}: rename the keys or add columns for them`,
  ];
}
