// SVG building blocks: numbers rounded, every text escaped, the DejaVu families named the way resvg knows them.
import { escapeXml, type FontKind } from './text.ts';

export const SANS = 'DejaVu Sans';
export const MONO = 'DejaVu Sans Mono';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const n = (value: number): string => (Math.round(value * 100) / 100).toString();

export interface TextStyle {
  font: FontKind;
  size: number;
  fill: string;
  anchor?: 'start' | 'middle' | 'end';
  italic?: boolean;
  strike?: boolean;
}

/** One line of text with its baseline at y. */
export function text(x: number, y: number, content: string, style: TextStyle): string {
  if (content === '') return '';
  const family = style.font === 'mono' ? MONO : SANS;
  const attrs = [
    `x="${n(x)}"`,
    `y="${n(y)}"`,
    `font-family="${family}"`,
    `font-size="${n(style.size)}"`,
    style.font === 'bold' ? 'font-weight="bold"' : '',
    style.italic ? 'font-style="italic"' : '',
    style.anchor && style.anchor !== 'start' ? `text-anchor="${style.anchor}"` : '',
    style.strike ? 'text-decoration="line-through"' : '',
    `fill="${style.fill}"`,
  ].filter(Boolean);
  return `<text ${attrs.join(' ')} xml:space="preserve">${escapeXml(content)}</text>`;
}

/** The baseline of a line box (CSS centres DejaVu's 1.164 em content area in the line height; ascent 0.928 em). */
export function baseline(top: number, lineHeight: number, size: number): number {
  return top + (lineHeight - 1.164 * size) / 2 + 0.928 * size;
}

export interface ShapeStyle {
  fill?: string;
  stroke?: string;
  strokeWidth?: number;
  rx?: number;
  opacity?: number;
}

function shapeAttrs(style: ShapeStyle): string {
  return [
    `fill="${style.fill ?? 'none'}"`,
    style.stroke ? `stroke="${style.stroke}" stroke-width="${n(style.strokeWidth ?? 1)}"` : '',
    style.rx ? `rx="${n(style.rx)}"` : '',
    style.opacity !== undefined ? `opacity="${n(style.opacity)}"` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function rect(box: Box, style: ShapeStyle): string {
  if (box.width <= 0 || box.height <= 0) return '';
  return `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" ${shapeAttrs(style)}/>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, stroke: string, width = 1): string {
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${stroke}" stroke-width="${n(width)}"/>`;
}

export function path(d: string, style: ShapeStyle): string {
  return `<path d="${d}" ${shapeAttrs(style)}/>`;
}

/** Unique ids inside one SVG document (clip paths). */
export class IdSource {
  private next = 0;
  id(prefix: string): string {
    return `${prefix}${this.next++}`;
  }
}

/** Draws `content` clipped to `box`: long text never spills out of its card. */
export function clipped(ids: IdSource, box: Box, content: string): string {
  if (!content) return '';
  const id = ids.id('c');
  return `<clipPath id="${id}">${rect(box, { fill: '#000' })}</clipPath><g clip-path="url(#${id})">${content}</g>`;
}
