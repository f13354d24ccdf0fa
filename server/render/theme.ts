// The page's two colour themes (web/src/styles.css custom properties) and the ECharts theme the page uses with each.
export type SnapshotTheme = 'light' | 'dark';

export interface Palette {
  name: SnapshotTheme;
  bg: string;
  card: string;
  border: string;
  text: string;
  muted: string;
  accent: string;
  accentWeak: string;
  good: string;
  bad: string;
  codeBg: string;
  rowAlt: string;
  /** The page draws charts with ECharts' built-in 'dark' theme in dark mode, its default theme in light mode. */
  echartsTheme: string | undefined;
}

const LIGHT: Palette = {
  name: 'light',
  bg: '#f4f6f9',
  card: '#ffffff',
  border: '#dfe3ea',
  text: '#1a1f29',
  muted: '#5b6577',
  accent: '#2459d6',
  accentWeak: '#e6eeff',
  good: '#137a3a',
  bad: '#c02b2b',
  codeBg: '#f6f8fa',
  rowAlt: '#f8f9fb',
  echartsTheme: undefined,
};

const DARK: Palette = {
  name: 'dark',
  bg: '#0d1117',
  card: '#161b22',
  border: '#2d333b',
  text: '#e6edf3',
  muted: '#9aa5b4',
  accent: '#6ea8ff',
  accentWeak: '#1b2a45',
  good: '#4ac776',
  bad: '#ff7b72',
  codeBg: '#0d1117',
  rowAlt: '#1a2029',
  echartsTheme: 'dark',
};

export function palette(theme: SnapshotTheme): Palette {
  return theme === 'dark' ? DARK : LIGHT;
}
