// Display formatting of numbers, dates and deltas (format strings like "percent", "currency:USD").

// Building an Intl formatter is costly and a 10,000-row table formats every visible cell: reuse them.
const formatters = new Map<string, Intl.NumberFormat>();
function nf(opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(opts);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(undefined, opts);
    formatters.set(key, f);
  }
  return f;
}

/** Formats a number by a widget's `format`: number, integer, percent, currency:XXX, compact, bytes, fixed:N. */
export function formatNumber(value: number, format?: string): string {
  if (!Number.isFinite(value)) return String(value);
  const [name = '', arg] = (format ?? '').split(':');
  switch (name) {
    case 'percent':
      return formatPercent(value, arg ? Number(arg) : 1);
    case 'currency':
      try {
        return nf({ style: 'currency', currency: (arg || 'USD').toUpperCase() }).format(value);
      } catch {
        return nf({ maximumFractionDigits: 2 }).format(value);
      }
    case 'integer':
      return nf({ maximumFractionDigits: 0 }).format(value);
    case 'compact':
      return nf({ notation: 'compact', maximumFractionDigits: 1 }).format(value);
    case 'fixed': {
      const digits = Math.min(20, Math.max(0, Number(arg) || 0));
      return nf({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
    }
    case 'bytes':
      return formatBytes(value);
    default: {
      // Plain numbers: enough digits to tell small values apart, no noise on large ones. Below 1, significant
      // digits: 0.000123 stays 0.000123 (a fixed 4 decimals showed "0.0001").
      const abs = Math.abs(value);
      if (abs > 0 && abs < 1) return nf({ maximumSignificantDigits: 3 }).format(value);
      const digits = abs >= 1000 ? 0 : abs >= 100 ? 1 : 3;
      return nf({ maximumFractionDigits: digits }).format(value);
    }
  }
}

/**
 * The page's one percent style, for a fraction (0.41 -> "41%"): the viewer's locale decides the sign's spacing
 * ("41%" in English, "41 %" in German), and every percent on the page (metrics, deltas, tables, progress) comes from
 * here, so one page never mixes the two.
 */
export function formatPercent(fraction: number, maxDigits = 1): string {
  if (!Number.isFinite(fraction)) return String(fraction);
  return nf({ style: 'percent', maximumFractionDigits: Math.min(20, Math.max(0, maxDigits)) }).format(fraction);
}

function formatBytes(value: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = value;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${nf({ maximumFractionDigits: i === 0 ? 0 : 1 }).format(v)} ${units[i]}`;
}

/** Dates: ISO strings or epoch ms; format "date" (default), "datetime" or "time". Unparseable input is shown as is. */
export function formatDate(value: unknown, format?: string): string {
  const d = typeof value === 'number' ? new Date(value) : typeof value === 'string' ? new Date(value) : null;
  if (!d || Number.isNaN(d.getTime())) return value === null || value === undefined ? '' : String(value);
  if (format === 'datetime') return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  if (format === 'time') return d.toLocaleTimeString(undefined, { timeStyle: 'short' });
  // A bare YYYY-MM-DD is a calendar day: show it without shifting it into the viewer's time zone.
  const utc = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  return d.toLocaleDateString(undefined, { dateStyle: 'medium', timeZone: utc ? 'UTC' : undefined });
}

/** How a metric's delta is shown, besides its own number (see formatDelta). */
export interface DeltaDisplay {
  /** The metric's unit ("ms", "USD"): shown after the delta when the delta is in the value's own format. */
  unit?: string;
  /** The delta's own format (same vocabulary as `format`); "percent" reads the delta as a fraction: 0.05 -> "+5%". */
  deltaFormat?: string;
}

/**
 * A metric delta, signed: an absolute change in the value's own format and unit ("▼ 4.5 ms" is shown as "−4.5 ms"),
 * unless `deltaFormat` says how to read it. Never guessed from its size: 0.5 and 2 are read the same way.
 */
export function formatDelta(delta: number, format?: string, display: DeltaDisplay = {}): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const own = display.deltaFormat === undefined;
  const text = formatNumber(Math.abs(delta), own ? format : display.deltaFormat);
  // A currency format already carries its symbol, a percent its sign: a unit after them would repeat it.
  const shown = own ? format : display.deltaFormat;
  const unit = own && display.unit && !shown?.startsWith('currency') && shown !== 'percent' && shown !== 'bytes' ? display.unit : undefined;
  return `${sign}${text}${unit ? ` ${unit}` : ''}`;
}

/** A lifetime in words, to the two largest units: "5 seconds", "24 hours", "1 hour 30 minutes", "7 days". */
export function formatDuration(ms: number): string {
  const units: [string, number][] = [['day', 86_400_000], ['hour', 3_600_000], ['minute', 60_000], ['second', 1000]];
  const total = Math.max(0, Math.round(ms / 1000) * 1000);
  const first = units.findIndex(([, size]) => total >= size);
  if (first < 0) return '0 seconds';
  const say = (n: number, name: string): string => `${n} ${name}${n === 1 ? '' : 's'}`;
  const [name, size] = units[first]!;
  const whole = Math.floor(total / size);
  const next = units[first + 1];
  const part = next ? Math.floor((total - whole * size) / next[1]) : 0;
  return part > 0 && next ? `${say(whole, name)} ${say(part, next[0])}` : say(whole, name);
}

/** "5 s ago", "3 min ago", "in 23 h": coarse on purpose, it ticks every second. */
export function relativeTime(iso: string, now: number): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const diff = Math.round((t - now) / 1000);
  const abs = Math.abs(diff);
  const text =
    abs < 5 ? 'just now'
    : abs < 60 ? `${abs} s`
    : abs < 3600 ? `${Math.floor(abs / 60)} min`
    : abs < 86400 ? `${Math.floor(abs / 3600)} h ${Math.floor((abs % 3600) / 60)} min`
    : `${Math.floor(abs / 86400)} d`;
  if (text === 'just now') return text;
  return diff < 0 ? `${text} ago` : `in ${text}`;
}
