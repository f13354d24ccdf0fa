// Advance widths read from the embedded TrueType fonts (cmap + hmtx), so text is measured with the very font resvg
// draws it in: wrapping, clipping and the label checks agree with the picture.

export interface FontMetrics {
  /** Width in px of `text` at `size` px (no kerning: close enough for layout, within a few %). */
  width(text: string, size: number): number;
  /** Whether the font has a glyph for the code point (resvg has no other font to fall back on). */
  has(codePoint: number): boolean;
}

interface Tables {
  view: DataView;
  table(tag: string): number | undefined;
}

function tables(bytes: Uint8Array): Tables {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(4);
  const offsets = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(view.getUint8(record), view.getUint8(record + 1), view.getUint8(record + 2), view.getUint8(record + 3));
    offsets.set(tag, view.getUint32(record + 8));
  }
  return { view, table: (tag) => offsets.get(tag) };
}

/** Code point -> glyph id from a format 4 (BMP) or format 12 (full Unicode) cmap subtable. */
function glyphLookup(view: DataView, cmap: number): (codePoint: number) => number {
  const count = view.getUint16(cmap + 2);
  let format4: number | undefined;
  let format12: number | undefined;
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + i * 8;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const sub = cmap + view.getUint32(record + 4);
    const format = view.getUint16(sub);
    if (platform === 3 && encoding === 10 && format === 12) format12 = sub;
    if (platform === 3 && encoding === 1 && format === 4) format4 = sub;
  }
  if (format12 !== undefined) {
    const sub = format12;
    const groups = view.getUint32(sub + 12);
    return (cp) => {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const group = sub + 16 + mid * 12;
        const start = view.getUint32(group);
        const end = view.getUint32(group + 4);
        if (cp < start) hi = mid - 1;
        else if (cp > end) lo = mid + 1;
        else return view.getUint32(group + 8) + (cp - start);
      }
      return 0;
    };
  }
  if (format4 === undefined) throw new Error('font has no usable cmap');
  const sub = format4;
  const segments = view.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    let lo = 0;
    let hi = segments - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (view.getUint16(ends + mid * 2) < cp) lo = mid + 1;
      else hi = mid;
    }
    const start = view.getUint16(starts + lo * 2);
    if (cp < start || cp > view.getUint16(ends + lo * 2)) return 0;
    const delta = view.getInt16(deltas + lo * 2);
    const rangeOffset = view.getUint16(rangeOffsets + lo * 2);
    if (rangeOffset === 0) return (cp + delta) & 0xffff;
    const glyph = view.getUint16(rangeOffsets + lo * 2 + rangeOffset + (cp - start) * 2);
    return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
  };
}

export function parseFontMetrics(bytes: Uint8Array): FontMetrics {
  const { view, table } = tables(bytes);
  const head = table('head');
  const hhea = table('hhea');
  const hmtx = table('hmtx');
  const cmap = table('cmap');
  if (head === undefined || hhea === undefined || hmtx === undefined || cmap === undefined) throw new Error('not a TrueType font');
  const unitsPerEm = view.getUint16(head + 18);
  const metricCount = view.getUint16(hhea + 34);
  const glyphOf = glyphLookup(view, cmap);
  const advanceOf = (glyph: number) => view.getUint16(hmtx + Math.min(glyph, metricCount - 1) * 4);
  // Widths in em, per code point: ASCII in a flat array (most text), the rest in a map as met.
  const ascii = new Float64Array(128);
  for (let cp = 0; cp < 128; cp++) ascii[cp] = advanceOf(glyphOf(cp)) / unitsPerEm;
  const other = new Map<number, number>();
  const em = (cp: number): number => {
    if (cp < 128) return ascii[cp]!;
    let w = other.get(cp);
    if (w === undefined) {
      w = advanceOf(glyphOf(cp)) / unitsPerEm;
      if (other.size < 10_000) other.set(cp, w);
    }
    return w;
  };
  return {
    width(text, size) {
      let total = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code < 128) total += ascii[code]!;
        else {
          const cp = text.codePointAt(i)!;
          if (cp > 0xffff) i++;
          total += em(cp);
        }
      }
      return total * size;
    },
    has: (cp) => glyphOf(cp) !== 0,
  };
}
