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
      return nf({ style: 'percent', maximumFractionDigits: arg ? Number(arg) : 1 }).format(value);
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
      // Plain numbers: enough digits to tell small values apart, no noise on large ones.
      const abs = Math.abs(value);
      const digits = abs >= 1000 ? 0 : abs >= 100 ? 1 : abs >= 1 ? 3 : 4;
      return nf({ maximumFractionDigits: digits }).format(value);
    }
  }
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

/** A metric delta: fractions (|d| < 1) and percent metrics read as percent, larger values as signed numbers. */
export function formatDelta(delta: number, format?: string): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const abs = Math.abs(delta);
  if (format === 'percent' || abs < 1) {
    const unit = format === 'percent' ? ' pp' : ' %';
    return `${sign}${nf({ maximumFractionDigits: 1 }).format(abs * 100)}${unit}`;
  }
  return `${sign}${formatNumber(abs, format?.startsWith('currency') ? format : undefined)}`;
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
