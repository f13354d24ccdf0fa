// Trend sparkline as inline SVG (no chart library needed for a metric card).
import { Show, type JSX } from 'solid-js';

export function Sparkline(props: { values: number[]; class?: string }): JSX.Element {
  const W = 120;
  const H = 32;
  const path = (): { line: string; area: string } | undefined => {
    const v = props.values.filter((x) => Number.isFinite(x));
    if (v.length < 2) return undefined;
    const min = Math.min(...v);
    const max = Math.max(...v);
    const span = max - min || 1;
    const pts = v.map((y, i) => [(i / (v.length - 1)) * W, H - 2 - ((y - min) / span) * (H - 4)] as const);
    const line = pts.map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`).join(' ');
    return { line, area: `${line} L${W} ${H} L0 ${H} Z` };
  };
  return (
    <Show when={path()}>
      {(p) => (
        <svg class={`sparkline ${props.class ?? ''}`} viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" aria-hidden="true">
          <path d={p().area} class="sparkline-area" />
          <path d={p().line} class="sparkline-line" fill="none" vector-effect="non-scaling-stroke" />
        </svg>
      )}
    </Show>
  );
}
