// What a person would notice in one drawn chart: no data, an empty series, more categories than the width can show,
// labels cut off or on top of each other, custom colours too faint for the card.
import { inSeriesFamily } from '../../dashboard/document-rules.ts';
import type { Fonts } from '../text.ts';
import { lowContrast } from './custom-colours.ts';
import type { AxisPixels } from './render-chart.ts';
import type { CategoryAxis, SeriesInfo } from './series-data.ts';
import { cutLabels, labelBoxes, overlappingLabels } from './svg-labels.ts';

const MIN_PX_PER_BAR = 4;
const MAX_LABEL_STRIDE = 10;
const AXIS_LABEL_SIZE = 12;

const quote = (s: string) => `"${s.length > 40 ? `${s.slice(0, 39)}…` : s}"`;

export function dataProblems(series: SeriesInfo[]): string[] {
  if (series.length === 0 || series.every((s) => s.numeric === 0)) {
    return ['the chart has no data: the person sees empty axes or a blank card; send points in "series" (or data_append them)'];
  }
  return series.filter((s) => s.numeric === 0).map((s) => `series ${quote(s.name)} is empty (no points with a value): it shows in the legend but draws nothing`);
}

export function categoryProblems(axes: CategoryAxis[], pixels: AxisPixels[], series: SeriesInfo[], fonts: Fonts): string[] {
  const problems: string[] = [];
  // One mark per category: each needs room of its own, and each label names a mark.
  const discrete = series.some((s) => inSeriesFamily('discrete', s.type));
  for (const axis of axes) {
    const n = axis.labels.length;
    const drawn = pixels.find((p) => p.dim === axis.dim && p.index === axis.index);
    if (!drawn || n < 2) continue;
    const perCategory = drawn.span / (n - 1);
    let labelSize = AXIS_LABEL_SIZE + 4;
    if (axis.dim === 'x') for (const label of axis.labels.slice(0, 200)) labelSize = Math.max(labelSize, fonts.sans.width(String(label ?? ''), AXIS_LABEL_SIZE) + 8);
    const stride = Math.ceil(labelSize / Math.max(perCategory, 1e-6));
    const where = `${n} categories on ${Math.round(drawn.span)} px of ${axis.dim} axis`;
    const fix = 'aggregate the data, keep the top ones, or give the chart more room (width 12, height "l")';
    if (discrete && perCategory < MIN_PX_PER_BAR) {
      problems.push(`${where}: ${perCategory.toFixed(1)} px per category, too thin to see each mark, and only about 1 label in ${stride} can be shown; ${fix}`);
    } else if (discrete && stride > MAX_LABEL_STRIDE) {
      problems.push(`${where}: only about 1 label in ${stride} can be shown, so most marks cannot be told apart; ${fix}`);
    } else if (!discrete && n > 2 * drawn.span) {
      problems.push(`${where}: more than two points per pixel, the line is drawn over itself; ${fix}`);
    }
  }
  return problems;
}

export function labelProblems(svg: string, size: { width: number; height: number }, fonts: Fonts): string[] {
  const labels = labelBoxes(svg, fonts);
  const problems: string[] = [];
  const cut = cutLabels(labels, size.width, size.height);
  if (cut.length) {
    problems.push(`${cut.length} label${cut.length === 1 ? ' is' : 's are'} cut off at the chart's edge (${cut.slice(0, 3).map((l) => quote(l.text)).join(', ')}); shorten them or leave room (grid margins, legend position)`);
  }
  const overlaps = overlappingLabels(labels);
  if (overlaps.length) {
    const [a, b] = overlaps[0]!;
    problems.push(`labels overlap and cannot be read (${quote(a.text)} and ${quote(b.text)}${overlaps.length > 1 ? `, ${overlaps.length} pairs in all` : ''}); shorten or rotate them, show fewer, or make the chart larger`);
  }
  return problems;
}

export function contrastProblems(rawOption: Record<string, unknown>, card: string): string[] {
  return lowContrast(rawOption, card).map(
    (p) =>
      `the custom colour ${p.use.colour} (${p.use.where}) has a contrast of ${p.ratio.toFixed(2)}:1 against the background ${p.background}; ${p.use.text ? 'text needs at least 4.5:1' : 'marks need at least 3:1'}, so it is hard to see: pick a ${p.ratio < 1.5 && /^#?f|white|yellow|light/i.test(p.use.colour) ? 'darker' : 'stronger'} colour`,
  );
}
