// The ECharts build the snapshot uses: the page's charts and components (web/src/lib/echarts-parts.ts) with the SVG
// renderer for server-side rendering, and text measured with the embedded DejaVu metrics so ECharts lays labels out
// for the font resvg draws them in.
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { ECHARTS_PARTS } from '../../dashboard/present/echarts-parts.ts';
import type { Fonts } from '../text.ts';

echarts.use([...ECHARTS_PARTS, SVGRenderer]);

/** The size and weight in a CSS font shorthand as zrender writes it ("bold 14px sans-serif"). */
export function parseFont(font: string | undefined): { size: number; bold: boolean; mono: boolean } {
  const f = font ?? '12px sans-serif';
  const size = Number(/(\d*\.?\d+)px/.exec(f)?.[1] ?? 12);
  return { size: Number.isFinite(size) && size > 0 ? size : 12, bold: /\b(bold|bolder|[6-9]00)\b/.test(f), mono: /mono|courier|consolas/i.test(f) };
}

let measuredWith: Fonts | undefined;

/** ECharts measures text through one process-wide hook; point it at the embedded fonts once. */
export function useFontsForECharts(fonts: Fonts): typeof echarts {
  if (measuredWith !== fonts) {
    echarts.setPlatformAPI({
      measureText(text: string, font?: string) {
        const { size, bold, mono } = parseFont(font);
        return { width: (mono ? fonts.mono : bold ? fonts.bold : fonts.sans).width(text, size) };
      },
    });
    measuredWith = fonts;
  }
  return echarts;
}
