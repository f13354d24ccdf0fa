// Colours a model set itself in an ECharts option, checked against what they are drawn on (the card, or the option's
// own opaque background): WCAG 2 asks 3:1 for graphics and 4.5:1 for text. ECharts' own theme colours are not checked.
import { inSeriesFamily, isRecord, oneOrMany } from '../../dashboard/document-rules.ts';
import { contrastRatio, over, parseColour, toHex, type Rgba } from './color.ts';

export interface ColourUse {
  colour: string;
  where: string;
  text: boolean;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The text colours of a component: its label, textStyle, axisLabel, nameTextStyle. */
function textColours(component: Record<string, unknown>, where: string, out: ColourUse[]): void {
  for (const key of ['label', 'textStyle', 'axisLabel', 'nameTextStyle']) {
    const block = component[key];
    const colour = isRecord(block) ? str(block.color) : undefined;
    if (colour) out.push({ colour, where: `${where} ${key}`, text: true });
  }
}

export function customColours(option: Record<string, unknown>): ColourUse[] {
  const out: ColourUse[] = [];
  const series = oneOrMany(option.series);
  // The palette is used in order: only as many entries as there are series (or slices, for pie-like series) count.
  const palette = oneOrMany(option.color).filter((c): c is string => typeof c === 'string');
  const pieLike = series.some((s) => isRecord(s) && inSeriesFamily('itemColoured', s.type));
  const used = pieLike ? Math.max(...series.map((s) => (isRecord(s) ? oneOrMany(s.data).length : 0)), 0) : series.length;
  palette.slice(0, Math.max(1, used)).forEach((colour, i) => out.push({ colour, where: `palette colour ${i + 1}`, text: false }));
  series.forEach((s, i) => {
    if (!isRecord(s)) return;
    const name = typeof s.name === 'string' ? `series "${s.name}"` : `series ${i + 1}`;
    const mark = str(s.color) ?? (isRecord(s.itemStyle) ? str(s.itemStyle.color) : undefined);
    if (mark) out.push({ colour: mark, where: name, text: false });
    const stroke = isRecord(s.lineStyle) ? str(s.lineStyle.color) : undefined;
    if (stroke) out.push({ colour: stroke, where: `${name} line`, text: false });
    textColours(s, name, out);
    oneOrMany(s.data)
      .slice(0, 200)
      .forEach((item, k) => {
        const colour = isRecord(item) && isRecord(item.itemStyle) ? str(item.itemStyle.color) : undefined;
        if (colour) out.push({ colour, where: `${name} item ${isRecord(item) && typeof item.name === 'string' ? `"${item.name}"` : k + 1}`, text: false });
      });
  });
  for (const key of ['title', 'legend', 'xAxis', 'yAxis', 'radar']) {
    oneOrMany(option[key]).forEach((component, i) => {
      if (isRecord(component)) textColours(component, `${key}${oneOrMany(option[key]).length > 1 ? ` ${i + 1}` : ''}`, out);
    });
  }
  if (isRecord(option.textStyle) && str(option.textStyle.color)) out.push({ colour: option.textStyle.color as string, where: 'textStyle', text: true });
  return out;
}

export interface ContrastProblem {
  use: ColourUse;
  ratio: number;
  background: string;
}

/** Custom colours below the WCAG minimum against the background they are drawn on (one finding per colour and place). */
export function lowContrast(option: Record<string, unknown>, card: string): ContrastProblem[] {
  const cardColour = parseColour(card)!;
  const own = typeof option.backgroundColor === 'string' ? parseColour(option.backgroundColor) : undefined;
  const background: Rgba = own && own.a > 0 ? over(own, cardColour) : cardColour;
  const problems: ContrastProblem[] = [];
  for (const use of customColours(option)) {
    const parsed = parseColour(use.colour);
    if (!parsed || parsed.a === 0) continue;
    const ratio = contrastRatio(over(parsed, background), background);
    if (ratio < (use.text ? 4.5 : 3)) problems.push({ use, ratio, background: toHex(background) });
  }
  return problems;
}
