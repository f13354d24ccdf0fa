// Series colours for each page theme, chosen so every one keeps 3:1 against its card (WCAG 1.4.11 for graphics);
// ECharts' own palettes do not (#505372 on the dark card is 2.3:1, #ffd10a on white 1.4:1).

export type ChartTheme = 'light' | 'dark';

/** The card background each theme draws charts on (web/src/styles.css --card). */
export const CARD_BACKGROUND: Readonly<Record<ChartTheme, string>> = { light: '#ffffff', dark: '#161b22' };

/** Series colours in the order charts take them; the same index means the same hue in both themes. */
export const SERIES_COLORS: Readonly<Record<ChartTheme, readonly string[]>> = {
  light: ['#2f6fd6', '#d4620f', '#1f8f4e', '#d6334d', '#7b52c9', '#0e8296', '#a87a00', '#c2459b', '#5e6b7f'],
  dark: ['#5b8ff9', '#f6903d', '#4cc38a', '#ff6b7d', '#b18cf2', '#3fc1d6', '#f2c94c', '#ec7fc6', '#9aa5b4'],
};

/**
 * Rising and falling candles, the same in both themes (the snapshot may draw without knowing the theme): green up,
 * red down, each over 3:1 on both cards. The shorthand's `candleColors: "red-up"` swaps them.
 */
export const CANDLE_COLORS = { up: '#2e9e5b', down: '#e0484d' } as const;

function channel(hex: string, at: number): number {
  const v = parseInt(hex.slice(at, at + 2), 16) / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** WCAG contrast ratio between two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
