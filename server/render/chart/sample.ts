// Caps what one chart may draw: a picture of 100,000 points needs no more than a few thousand. Series, their category
// labels and dataset rows are thinned by one common stride so they stay aligned. The checks read the full data first.
import { inSeriesFamily, isRecord, oneOrMany } from '../../dashboard/document-rules.ts';

const MAX_DRAWN = 3000;
const MAX_SLICES = 500;

const every = <T>(list: T[], stride: number): T[] => (stride <= 1 ? list : list.filter((_, i) => i % stride === 0));

/** A copy of the option with long data thinned; the input is not changed. Returns the stride used (1 = untouched). */
export function sampleOption(option: Record<string, unknown>): { option: Record<string, unknown>; stride: number } {
  const series = oneOrMany(option.series).filter(isRecord);
  const lengths = [
    ...series.filter((s) => !inSeriesFamily('axisless', s.type)).map((s) => oneOrMany(s.data).length),
    isRecord(option.dataset) ? oneOrMany(option.dataset.source).length : 0,
  ];
  const longest = Math.max(0, ...lengths);
  const stride = Math.ceil(longest / MAX_DRAWN);
  const pieTooLong = series.some((s) => inSeriesFamily('slices', s.type) && oneOrMany(s.data).length > MAX_SLICES);
  if (stride <= 1 && !pieTooLong) return { option, stride: 1 };
  const out: Record<string, unknown> = { ...option };
  out.series = oneOrMany(option.series).map((s) => {
    if (!isRecord(s) || !Array.isArray(s.data)) return s;
    if (inSeriesFamily('slices', s.type)) return { ...s, data: s.data.slice(0, MAX_SLICES) };
    if (inSeriesFamily('axisless', s.type) || s.data.length <= MAX_DRAWN) return s;
    return { ...s, data: every(s.data, stride) };
  });
  for (const key of ['xAxis', 'yAxis']) {
    if (option[key] === undefined) continue;
    const thin = (axis: unknown) => (isRecord(axis) && Array.isArray(axis.data) && axis.data.length > MAX_DRAWN ? { ...axis, data: every(axis.data, stride) } : axis);
    out[key] = Array.isArray(option[key]) ? (option[key] as unknown[]).map(thin) : thin(option[key]);
  }
  if (isRecord(option.dataset) && Array.isArray(option.dataset.source) && option.dataset.source.length > MAX_DRAWN) {
    const [head, ...rows] = option.dataset.source as unknown[];
    out.dataset = { ...option.dataset, source: [head, ...every(rows, stride)] };
  }
  return { option: out, stride };
}
