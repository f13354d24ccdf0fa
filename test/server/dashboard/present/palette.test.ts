import { describe, expect, it } from 'bun:test';
import { CANDLE_COLORS, CARD_BACKGROUND, contrastRatio, SERIES_COLORS } from '../../../../server/dashboard/present/palette.ts';

describe('series palettes', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`keeps every ${theme} series colour at 3:1 or more on the ${theme} card`, () => {
      const ratios = SERIES_COLORS[theme].map((c) => [c, Math.round(contrastRatio(c, CARD_BACKGROUND[theme]) * 100) / 100] as const);
      expect(ratios.filter(([, r]) => r < 3)).toEqual([]);
    });
  }

  it('keeps the candle colours at 3:1 on both cards, since the snapshot may draw them without a theme', () => {
    for (const color of Object.values(CANDLE_COLORS)) {
      expect(contrastRatio(color, CARD_BACKGROUND.light)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(color, CARD_BACKGROUND.dark)).toBeGreaterThanOrEqual(3);
    }
  });

  it('measures contrast as WCAG does (the failing colour of ECharts 6 dark palette reads 2.3:1)', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#505372', '#161b22')).toBeCloseTo(2.32, 2);
  });

  it('has no colour twice, so two series never share one', () => {
    for (const theme of ['light', 'dark'] as const) expect(new Set(SERIES_COLORS[theme]).size).toBe(SERIES_COLORS[theme].length);
  });
});
