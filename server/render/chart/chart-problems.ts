// What a person would notice in one drawn chart: no data, an empty series, more categories than the width can show,
// labels cut off or on top of each other, custom colours too faint for the card.
import { inSeriesFamily, isRecord, oneOrMany } from '../../dashboard/document-rules.ts';
import type { Fonts } from '../text.ts';
import { lowContrast } from './custom-colours.ts';
import type { AxisPixels } from './render-chart.ts';
import type { CategoryAxis, SeriesInfo } from './series-data.ts';
import { cutLabels, drawnTexts, labelBoxes, overlappingLabels } from './svg-labels.ts';

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

const ELLIPSIS = /(\.\.\.|…)$/;
const stripEllipsis = (s: string) => s.replace(ELLIPSIS, '');

/** Every string in the option (names, labels the model wrote): a label ending in "..." that the model wrote is not cut. */
function optionStrings(value: unknown, out: Set<string>, depth = 0): Set<string> {
  if (typeof value === 'string') out.add(value.trim());
  else if (depth < 30 && Array.isArray(value)) for (const v of value) optionStrings(v, out, depth + 1);
  else if (depth < 30 && isRecord(value)) for (const v of Object.values(value)) optionStrings(v, out, depth + 1);
  return out;
}

/** Labels ECharts shortened to fit ("FIG...", "U…"): the person cannot tell what they name. */
export function shortenedLabels(svg: string, option: Record<string, unknown>): string[] {
  const own = optionStrings(option, new Set());
  const names = [...own].filter((o) => o.length > 1 && o.length <= 200);
  // Cut with an ellipsis, or with none (a treemap's "US" for "USDC"): a strict prefix of a name the model gave.
  // Only words: axis numbers ("2", "0") are often prefixes of category names by chance.
  const isCut = (t: string) => !own.has(t) && (ELLIPSIS.test(t) || (/\p{L}/u.test(t) && names.some((o) => o.length > t.length && o.startsWith(t))));
  const cut = [...new Set(drawnTexts(svg).filter(isCut))];
  if (cut.length === 0) return [];
  return [
    `${cut.length} label${cut.length === 1 ? ' is' : 's are'} drawn cut short (${cut.slice(0, 4).map(quote).join(', ')}): the person cannot read ${cut.length === 1 ? 'it' : 'them'}; use shorter names, fewer items, or a wider or taller card`,
  ];
}

/** A pie's slice labels that were not drawn at all (ECharts drops a label with no room beside the pie). */
export function hiddenSliceLabels(svg: string, option: Record<string, unknown>): string[] {
  const texts = drawnTexts(svg);
  // The legend draws each name once too (even entries a paged legend hides): a label is there when the name shows more.
  const legends = oneOrMany(option.legend).filter((l) => isRecord(l) && l.show !== false);
  const inLegend = (name: string) => legends.some((l) => !isRecord(l) || l.data === undefined || oneOrMany(l.data).some((d) => d === name || (isRecord(d) && d.name === name)));
  const missing: string[] = [];
  for (const s of oneOrMany(option.series)) {
    if (!isRecord(s) || s.type !== 'pie') continue;
    const label = isRecord(s.label) ? s.label : {};
    // Labels turned off, drawn inside, or formatted without the name cannot be looked for by name.
    if (label.show === false || label.position === 'inside' || label.position === 'inner' || label.position === 'center') continue;
    if (label.formatter !== undefined && !(typeof label.formatter === 'string' && label.formatter.includes('{b}'))) continue;
    for (const item of oneOrMany(s.data)) {
      const name = isRecord(item) && typeof item.name === 'string' ? item.name : undefined;
      if (!name || (isRecord(item) && isRecord(item.label) && item.label.show === false)) continue;
      const drawn = texts.filter((t) => t.includes(name) || (ELLIPSIS.test(t) && stripEllipsis(t).length > 0 && name.startsWith(stripEllipsis(t)))).length;
      if (drawn <= (inLegend(name) ? 1 : 0)) missing.push(name);
    }
  }
  if (missing.length === 0) return [];
  return [
    `${missing.length} slice label${missing.length === 1 ? ' is' : 's are'} not drawn (${missing.slice(0, 4).map(quote).join(', ')}): there is no room beside the pie at this width, so the person sees a line pointing at nothing; give the chart more room, or turn labels off and rely on the legend`,
  ];
}

/** A scrolling legend with more than one page hides series behind its arrows. */
export function pagedLegend(svg: string, option: Record<string, unknown>): string[] {
  const scrolling = oneOrMany(option.legend).some((l) => isRecord(l) && l.type === 'scroll' && l.show !== false);
  if (!scrolling) return [];
  const pager = drawnTexts(svg)
    .map((t) => /^(\d+)\/(\d+)$/.exec(t))
    .find((m) => m && Number(m[2]) > 1);
  if (!pager) return [];
  return [
    `the legend is paged ("${pager[0]}"): only the entries on its first page show and the others are hidden behind its arrows, so the person cannot tell those series apart; use fewer or shorter series names, or a wider card`,
  ];
}
