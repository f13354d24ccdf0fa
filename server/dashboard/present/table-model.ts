// Pure table logic: normalise columns and rows, sort by a typed column, cut one page.
import { isRecord } from '../document-rules.ts';
import { list, need, WidgetDataError } from './widget-fields.ts';
import { formatDate, formatNumber } from './format.ts';

export type ColumnType = 'string' | 'number' | 'date' | 'link' | 'boolean';
export interface Column {
  key: string;
  label: string;
  type: ColumnType;
  format?: string;
}
export type SortDir = 'asc' | 'desc';
export interface Sort {
  key: string;
  dir: SortDir;
}

const TYPES: ColumnType[] = ['string', 'number', 'date', 'link', 'boolean'];

export function readColumns(raw: unknown): Column[] {
  return list(raw, 'columns').map((c, i) => {
    need(isRecord(c) && typeof c.key === 'string', null, `column ${i + 1} needs a "key"`);
    const col = c as Record<string, unknown>;
    const type = TYPES.includes(col.type as ColumnType) ? (col.type as ColumnType) : 'string';
    return {
      key: col.key as string,
      label: typeof col.label === 'string' ? col.label : (col.key as string),
      type,
      format: typeof col.format === 'string' ? col.format : undefined,
    };
  });
}

/** Rows are objects keyed by column key, or arrays positional by column. Returned as cell arrays. */
export function readRows(raw: unknown, columns: Column[]): unknown[][] {
  return list(raw, 'rows').map((r, i) => {
    if (Array.isArray(r)) return r;
    if (isRecord(r)) return columns.map((c) => r[c.key]);
    throw new WidgetDataError(`row ${i + 1} must be an object or a list`);
  });
}

/** sortBy: "key", "-key" or "key:desc" (also { key, dir }). */
export function readSort(raw: unknown, columns: Column[]): Sort | undefined {
  let key: string | undefined;
  let dir: SortDir = 'asc';
  if (typeof raw === 'string') {
    const desc = raw.startsWith('-') || /[: ]desc$/i.test(raw);
    key = raw.replace(/^-/, '').replace(/[: ](asc|desc)$/i, '');
    dir = desc ? 'desc' : 'asc';
  } else if (isRecord(raw) && typeof raw.key === 'string') {
    key = raw.key;
    dir = raw.dir === 'desc' || raw.direction === 'desc' ? 'desc' : 'asc';
  }
  return key !== undefined && columns.some((c) => c.key === key) ? { key, dir } : undefined;
}

function sortValue(v: unknown, type: ColumnType): number | string {
  if (v === null || v === undefined || v === '') return Number.NaN;
  if (type === 'number') return typeof v === 'number' ? v : Number(v);
  if (type === 'date') return typeof v === 'number' ? v : Date.parse(String(v));
  if (type === 'boolean') return v === true || v === 'true' ? 1 : 0;
  return String(v).toLocaleLowerCase();
}

/** Returns row indices in display order; empty values sort last in both directions. */
export function sortedIndices(rows: unknown[][], columns: Column[], sort: Sort | undefined): number[] {
  const idx = rows.map((_, i) => i);
  if (!sort) return idx;
  const col = columns.findIndex((c) => c.key === sort.key);
  if (col === -1) return idx;
  const type = columns[col]!.type;
  const keys = rows.map((r) => sortValue(r[col], type));
  const sign = sort.dir === 'asc' ? 1 : -1;
  const collator = new Intl.Collator(undefined, { numeric: true });
  return idx.sort((a, b) => {
    const x = keys[a]!;
    const y = keys[b]!;
    const xEmpty = typeof x === 'number' && Number.isNaN(x);
    const yEmpty = typeof y === 'number' && Number.isNaN(y);
    if (xEmpty || yEmpty) return xEmpty === yEmpty ? a - b : xEmpty ? 1 : -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return c === 0 ? a - b : c * sign;
  });
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The text shown in a cell (links and booleans are rendered by the component, this is their text). */
export function cellText(v: unknown, col: Column): string {
  if (v === null || v === undefined) return '';
  switch (col.type) {
    case 'number':
      return typeof v === 'number' ? formatNumber(v, col.format) : String(v);
    case 'date':
      return formatDate(v, col.format);
    case 'boolean':
      return v === true || v === 'true' ? 'yes' : v === false || v === 'false' ? 'no' : String(v);
    default:
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
}
