// CSV export of table rows and chart series (RFC 4180 quoting, formula-injection guarded).
import { isRecord, oneOrMany } from '../document-rules.ts';

function cell(v: unknown): string {
  let s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  // A cell starting with = + - @ runs as a formula in spreadsheets; AI-written text must not.
  // Only a plain number may start with "-" unescaped: "-1+1+cmd|..." must not slip through as "numeric".
  const plainNumber = typeof v === 'number' || /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(s);
  if (/^[=+\-@\t\r]/.test(s) && !plainNumber) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** A point's value is one cell or several ([x, y], [open, close, low, high]); a null is a gap, still one cell. */
const pointValues = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/**
 * Flattens a chart option's series into long-format rows: series, category/x, value(s).
 * Works for any option shape we can read: category axes, [x, y] pairs, { name, value } items.
 */
export function chartOptionToCsv(option: unknown): string {
  const opt = isRecord(option) ? option : {};
  const xAxis = oneOrMany(opt.xAxis)[0];
  const yAxis = oneOrMany(opt.yAxis)[0];
  const categories =
    isRecord(xAxis) && Array.isArray(xAxis.data) ? xAxis.data
    : isRecord(yAxis) && Array.isArray(yAxis.data) && yAxis.type === 'category' ? yAxis.data
    : undefined;
  const rows: unknown[][] = [];
  let width = 1;
  oneOrMany(opt.series).forEach((s, si) => {
    if (!isRecord(s)) return;
    const name = typeof s.name === 'string' ? s.name : `series ${si + 1}`;
    oneOrMany(s.data).forEach((d, i) => {
      let label: unknown = categories?.[i] ?? i;
      let values: unknown[];
      if (isRecord(d)) {
        if (typeof d.name === 'string') label = d.name;
        values = pointValues(d.value);
      } else {
        values = pointValues(d);
      }
      if (!categories && Array.isArray(d) && !isRecord(d)) label = i;
      width = Math.max(width, values.length);
      rows.push([name, label, ...values]);
    });
  });
  const header = ['series', categories ? 'category' : 'name', ...(width === 1 ? ['value'] : Array.from({ length: width }, (_, i) => `value${i + 1}`))];
  return toCsv(header, rows);
}
