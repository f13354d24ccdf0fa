// A small PNG writer for indexed pictures (colour type 3, 8 or 4 bits per pixel), deflated with node:zlib: far smaller
// than RGBA for a dashboard, which keeps a snapshot inside a tool result's size budget.
import { crc32, deflateSync } from 'node:zlib';
import type { Indexed } from './quantize.ts';

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  const typed = new TextEncoder().encode(type);
  out.set(typed, 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

export function encodeIndexedPng(width: number, height: number, image: Indexed): Uint8Array {
  const colours = image.palette.length / 3;
  const depth = colours <= 16 ? 4 : 8;
  const rowBytes = depth === 8 ? width : Math.ceil(width / 2);
  // Each scanline starts with filter type 0 (none): the PNG spec's advice for palette images.
  const raw = new Uint8Array(height * (rowBytes + 1));
  for (let y = 0; y < height; y++) {
    const row = y * (rowBytes + 1) + 1;
    const src = y * width;
    if (depth === 8) raw.set(image.indices.subarray(src, src + width), row);
    else for (let x = 0; x < width; x++) raw[row + (x >> 1)]! |= image.indices[src + x]! << (x & 1 ? 0 : 4);
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([depth, 3, 0, 0, 0], 8);
  const parts = [SIGNATURE, chunk('IHDR', header), chunk('PLTE', image.palette), chunk('IDAT', deflateSync(raw, { level: 9, memLevel: 9 })), chunk('IEND', new Uint8Array())];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
