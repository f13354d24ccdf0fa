// The compact view dashboard_get gives a model: enough to know what is there without reading every data point.
import { oneOrMany } from './document-rules.ts';
import type { Dashboard, Widget } from './schema.ts';

export interface WidgetSummary {
  id: string;
  kind: Widget['kind'];
  title?: string;
  /** A few words about the content: "12 rows x 5 columns", "line: sales (30 points)". */
  hint: string;
}

export interface DashboardSummary {
  title: string;
  description?: string;
  theme: Dashboard['theme'];
  /** Present (false) only when the page's inbox is closed. */
  feedback?: false;
  revision: number;
  updatedAt: string;
  expiresAt: string;
  widgets: WidgetSummary[];
}

const HINT_CHARS = 80;
const CHART_HINT_CHARS = 160;

export function summarize(doc: Dashboard): DashboardSummary {
  return {
    title: doc.title,
    ...(doc.description !== undefined ? { description: doc.description } : {}),
    theme: doc.theme,
    ...(doc.feedback === false ? { feedback: false as const } : {}),
    revision: doc.revision,
    updatedAt: doc.updatedAt,
    expiresAt: doc.expiresAt,
    widgets: doc.widgets.map((widget) => ({
      id: widget.id,
      kind: widget.kind,
      ...(widget.title !== undefined ? { title: widget.title } : {}),
      hint: hintFor(widget),
    })),
  };
}

export function hintFor(widget: Widget): string {
  switch (widget.kind) {
    case 'markdown':
      return clip(widget.text.split('\n').find((line) => line.trim() !== '')?.replace(/^#+\s*/, '') ?? '(empty)');
    case 'metric':
      return clip([widget.label, `${widget.value}${widget.unit ? ` ${widget.unit}` : ''}`].filter(Boolean).join(': ') +
        (widget.trend ? ` (trend of ${widget.trend.length})` : ''));
    case 'table':
      return `${count(widget.rows.length, 'row')} x ${count(widget.columns.length, 'column')}: ${clip(widget.columns.map((c) => c.key).join(', '), 60)}`;
    case 'chart': {
      if (widget.option !== undefined) {
        const raw = widget.option.series;
        const list = oneOrMany(raw) as { type?: unknown; name?: unknown; data?: unknown }[];
        const parts = list.slice(0, 5).map((s, i) => `${typeof s.type === 'string' ? `${s.type} ` : ''}series ${typeof s.name === 'string' ? `"${s.name}"` : `#${i}`} (${count(Array.isArray(s.data) ? s.data.length : 0, 'point')})`);
        return clip(`ECharts option: ${parts.join(', ') || 'no series'}`);
      }
      // Series names matter most: data_append addresses series by name.
      const series = widget.series ?? [];
      const lengths = new Set(series.map((s) => s.data.length));
      if (lengths.size === 1) {
        const [points] = lengths;
        return clip(`${widget.type}, ${count(series.length, 'series', 'series')} of ${count(points ?? 0, 'point')}: ${series.map((s) => s.name).join(', ')}`, CHART_HINT_CHARS);
      }
      return clip(`${widget.type}: ${series.map((s) => `${s.name} (${count(s.data.length, 'point')})`).join(', ')}`, CHART_HINT_CHARS);
    }
    case 'image':
      return clip(widget.alt);
    case 'code':
      return `${widget.language ?? 'text'}, ${count(widget.code.split('\n').length, 'line')}`;
    case 'progress': {
      const parts: string[] = [];
      if (widget.value !== undefined) parts.push(`${Math.round(widget.value * 100)} %`);
      if (widget.steps) parts.push(`${widget.steps.filter((s) => s.status === 'done').length}/${widget.steps.length} steps done`);
      return clip([widget.label, ...parts].filter(Boolean).join(', ') || 'no progress yet');
    }
    case 'log': {
      const last = widget.lines[widget.lines.length - 1];
      return clip(`${count(widget.lines.length, 'line')}${last !== undefined ? `, last: ${last}` : ''}`);
    }
    case 'choice':
      return clip(`${widget.multiple ? 'pick several' : 'pick one'} of ${count(widget.options.length, 'option')}${widget.prompt ? `: ${widget.prompt}` : ''}`);
    case 'form':
      return clip(`form of ${count(widget.fields.length, 'field')}: ${widget.fields.map((f) => f.name).join(', ')}`);
  }
}

function count(n: number, word: string, plural = `${word}s`): string {
  return `${n} ${n === 1 ? word : plural}`;
}

function clip(text: string, max = HINT_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
