// Colour parsing and the WCAG contrast ratio used by the low-contrast check.
import { describe, expect, test } from 'bun:test';
import { contrastRatio, over, parseColour } from '../../../../server/render/chart/color.ts';

describe('parseColour and contrastRatio', () => {
  test('reads hex, rgb(), hsl() and CSS names alike', () => {
    expect(parseColour('#ff0')).toEqual({ r: 255, g: 255, b: 0, a: 1 });
    expect(parseColour('yellow')).toEqual(parseColour('#ffff00')!);
    expect(parseColour('rgb(255, 255, 0)')).toEqual(parseColour('#ffff00')!);
    const hsl = parseColour('hsl(60, 100%, 50%)')!;
    expect([hsl.r, hsl.g, hsl.b].map(Math.round)).toEqual([255, 255, 0]);
    expect(parseColour('rgba(0,0,0,0.5)')!.a).toBe(0.5);
    expect(parseColour('not a colour')).toBeUndefined();
  });

  test('gives the WCAG ratios: 21 for black on white, about 1.07 for yellow on white', () => {
    const white = parseColour('#fff')!;
    expect(contrastRatio(parseColour('#000')!, white)).toBeCloseTo(21, 5);
    expect(contrastRatio(parseColour('yellow')!, white)).toBeCloseTo(1.07, 2);
    expect(contrastRatio(parseColour('#767676')!, white)).toBeCloseTo(4.54, 2);
  });

  test('blends a translucent colour over its background first', () => {
    const white = parseColour('#fff')!;
    expect(contrastRatio(over(parseColour('rgba(0,0,0,0.1)')!, white), white)).toBeLessThan(1.5);
  });
});
