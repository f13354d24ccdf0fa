// Reduces an opaque RGBA picture to at most `colours` colours (median cut over a 15-bit histogram), so it can be
// written as an indexed PNG: a dashboard is mostly flat colours and anti-aliased text, which survive this well.
export interface Indexed {
  /** r, g, b per palette entry. */
  palette: Uint8Array;
  /** One palette index per pixel. */
  indices: Uint8Array;
}

const BINS = 1 << 15;
const bin = (r: number, g: number, b: number) => ((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3);

interface Cube {
  bins: number[];
  count: number;
}

function channelRange(cube: Cube, shift: number): number {
  let lo = 31;
  let hi = 0;
  for (const b of cube.bins) {
    const v = (b >> shift) & 31;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return hi - lo;
}

export function quantize(rgba: Uint8Array, colours: number): Indexed {
  const pixels = rgba.length >> 2;
  const counts = new Uint32Array(BINS);
  const sums = new Float64Array(BINS * 3);
  for (let p = 0, o = 0; p < pixels; p++, o += 4) {
    const r = rgba[o]!;
    const g = rgba[o + 1]!;
    const b = rgba[o + 2]!;
    const k = bin(r, g, b);
    counts[k]!++;
    sums[k * 3]! += r;
    sums[k * 3 + 1]! += g;
    sums[k * 3 + 2]! += b;
  }
  const used: number[] = [];
  for (let k = 0; k < BINS; k++) if (counts[k]) used.push(k);
  const cubes: Cube[] = [{ bins: used, count: pixels }];
  // Split the cube whose pixels spread widest (count x range) at its weighted median, until there are enough.
  while (cubes.length < colours) {
    let best = -1;
    let bestScore = 0;
    let bestShift = 0;
    cubes.forEach((cube, i) => {
      if (cube.bins.length < 2) return;
      for (const shift of [10, 5, 0]) {
        const score = channelRange(cube, shift) * cube.count;
        if (score > bestScore) {
          bestScore = score;
          best = i;
          bestShift = shift;
        }
      }
    });
    if (best < 0) break;
    const cube = cubes[best]!;
    cube.bins.sort((a, b) => ((a >> bestShift) & 31) - ((b >> bestShift) & 31));
    let half = 0;
    let cut = 0;
    while (cut < cube.bins.length - 1 && half + counts[cube.bins[cut]!]! <= cube.count / 2) half += counts[cube.bins[cut++]!]!;
    cut = Math.max(1, cut);
    const left = cube.bins.slice(0, cut);
    const right = cube.bins.slice(cut);
    const total = (list: number[]) => list.reduce((s, k) => s + counts[k]!, 0);
    cubes.splice(best, 1, { bins: left, count: total(left) }, { bins: right, count: total(right) });
  }
  const palette = new Uint8Array(cubes.length * 3);
  const map = new Uint8Array(BINS);
  cubes.forEach((cube, i) => {
    let r = 0;
    let g = 0;
    let b = 0;
    for (const k of cube.bins) {
      r += sums[k * 3]!;
      g += sums[k * 3 + 1]!;
      b += sums[k * 3 + 2]!;
      map[k] = i;
    }
    const n = cube.count || 1;
    palette[i * 3] = Math.round(r / n);
    palette[i * 3 + 1] = Math.round(g / n);
    palette[i * 3 + 2] = Math.round(b / n);
  });
  const indices = new Uint8Array(pixels);
  for (let p = 0, o = 0; p < pixels; p++, o += 4) indices[p] = map[bin(rgba[o]!, rgba[o + 1]!, rgba[o + 2]!)]!;
  return { palette, indices };
}
