// Natural size of an image data URL from its header bytes (png, gif, jpeg, webp, svg), so the card can size it as the
// page's <img> would be (max-width 100 %, max-height per height class, never enlarged).
export interface ImageSize {
  width: number;
  height: number;
}

/** The first bytes of the image (enough for any header), or the SVG text. */
function head(src: string): { bytes?: Uint8Array; svg?: string } {
  const comma = src.indexOf(',');
  const meta = src.slice(0, comma);
  const data = src.slice(comma + 1);
  if (meta.includes(';base64')) {
    // JPEG puts its size after EXIF and thumbnails: 256 KiB of base64 covers real files; the rest is not decoded.
    const bytes = Buffer.from(data.slice(0, 256 * 1024).replace(/\s+/g, ''), 'base64');
    return meta.startsWith('data:image/svg') ? { svg: bytes.toString('utf8') } : { bytes };
  }
  let svg = data.slice(0, 64 * 1024);
  try {
    svg = decodeURIComponent(svg);
  } catch {
    // Not percent-encoded (or cut in the middle of an escape): read it as it is.
  }
  return { svg };
}

function svgSize(svg: string): ImageSize | undefined {
  const root = /<svg\b[^>]*>/i.exec(svg)?.[0];
  if (!root) return undefined;
  const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']\\s*([\\d.]+)(px)?\\s*["']`, 'i').exec(root)?.[1];
  const width = Number(attr('width'));
  const height = Number(attr('height'));
  if (width > 0 && height > 0) return { width, height };
  const box = /viewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(root);
  if (box && Number(box[1]) > 0 && Number(box[2]) > 0) return { width: Number(box[1]), height: Number(box[2]) };
  return undefined;
}

function rasterSize(b: Uint8Array): ImageSize | undefined {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length >= 24 && b[0] === 0x89 && b[1] === 0x50) return { width: view.getUint32(16), height: view.getUint32(20) };
  if (b.length >= 10 && b[0] === 0x47 && b[1] === 0x49) return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
  if (b.length >= 30 && b[0] === 0x52 && b[8] === 0x57) {
    const chunk = String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!);
    if (chunk === 'VP8 ') return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
    if (chunk === 'VP8L') {
      const bits = view.getUint32(21, true);
      return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
    if (chunk === 'VP8X') return { width: 1 + (b[24]! | (b[25]! << 8) | (b[26]! << 16)), height: 1 + (b[27]! | (b[28]! << 8) | (b[29]! << 16)) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return undefined;
      const marker = b[i + 1]!;
      const length = view.getUint16(i + 2);
      // SOF0..SOF15 carry the size, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: view.getUint16(i + 7), height: view.getUint16(i + 5) };
      }
      i += 2 + length;
    }
  }
  return undefined;
}

export function imageSize(src: string): ImageSize | undefined {
  try {
    const { bytes, svg } = head(src);
    const size = svg !== undefined ? svgSize(svg) : bytes ? rasterSize(bytes) : undefined;
    return size && size.width > 0 && size.height > 0 ? size : undefined;
  } catch {
    return undefined;
  }
}
