// Markdown -> a flat list of simple blocks (headings, paragraphs, list items, code, quotes, tables, rules) for the
// snapshot; inline formatting is reduced to its text. Parsed with the same mdast packages as the page (GFM tables).
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Nodes, RootContent } from 'mdast';

export type MdBlock =
  | { type: 'heading'; depth: number; text: string }
  | { type: 'paragraph'; text: string; quote: number }
  | { type: 'item'; text: string; marker: string; indent: number }
  | { type: 'code'; lines: string[] }
  | { type: 'table'; head: string[]; rows: string[][]; align: ('left' | 'right' | 'center' | null)[] }
  | { type: 'rule' };

/** More text than a snapshot card can show is not parsed (the markdown field holds up to 100,000 characters). */
const MAX_PARSED_CHARS = 30_000;

export function inlineText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'html':
      return node.value;
    case 'break':
      return ' ';
    case 'image':
    case 'imageReference':
      return `[image: ${node.alt || 'not shown'}]`;
    default:
      return 'children' in node ? (node.children as Nodes[]).map(inlineText).join('') : '';
  }
}

function walk(node: RootContent, out: MdBlock[], quote: number, indent: number): void {
  switch (node.type) {
    case 'heading':
      out.push({ type: 'heading', depth: node.depth, text: inlineText(node) });
      return;
    case 'paragraph':
      out.push({ type: 'paragraph', text: inlineText(node), quote });
      return;
    case 'html':
      out.push({ type: 'paragraph', text: node.value, quote });
      return;
    case 'code':
      out.push({ type: 'code', lines: node.value.split('\n') });
      return;
    case 'thematicBreak':
      out.push({ type: 'rule' });
      return;
    case 'blockquote':
      for (const child of node.children) walk(child, out, quote + 1, indent);
      return;
    case 'list':
      node.children.forEach((item, i) => {
        const check = item.checked === true ? '☑ ' : item.checked === false ? '☐ ' : '';
        const marker = node.ordered ? `${(node.start ?? 1) + i}.` : '•';
        const [first, ...rest] = item.children;
        out.push({ type: 'item', text: check + (first && first.type === 'paragraph' ? inlineText(first) : ''), marker, indent: indent + 1 });
        const nested = first && first.type !== 'paragraph' ? item.children : rest;
        for (const child of nested) walk(child, out, quote, indent + 1);
      });
      return;
    case 'table': {
      const [head, ...body] = node.children;
      out.push({
        type: 'table',
        head: head?.children.map(inlineText) ?? [],
        rows: body.map((row) => row.children.map(inlineText)),
        align: node.align ?? [],
      });
      return;
    }
    case 'definition':
      return;
    default:
      if ('children' in node) for (const child of node.children as RootContent[]) walk(child, out, quote, indent);
      else if ('value' in node) out.push({ type: 'paragraph', text: String(node.value), quote });
  }
}

export function markdownBlocks(text: string): MdBlock[] {
  const root = fromMarkdown(text.slice(0, MAX_PARSED_CHARS), { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  const out: MdBlock[] = [];
  for (const child of root.children) walk(child, out, 0, 0);
  return out;
}
