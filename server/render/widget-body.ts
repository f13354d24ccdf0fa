// Picks the body drawer for a widget's kind, and adds the content problems every kind may have.
import type { WidgetView } from '../dashboard/view.ts';
import type { Body, HeightClass, RenderContext } from './body.ts';
import { chartBody } from './chart/chart.ts';
import { choiceBody } from './widgets/choice.ts';
import { codeBody } from './widgets/code.ts';
import { formBody } from './widgets/form.ts';
import { imageBody } from './widgets/image.ts';
import { logBody } from './widgets/log.ts';
import { markdownBody } from './widgets/markdown.ts';
import { metricBody } from './widgets/metric.ts';
import { progressBody } from './widgets/progress.ts';
import { tableBody } from './widgets/table.ts';
import { contentProblems } from './content-problems.ts';

export function heightClass(widget: WidgetView): HeightClass {
  return widget.height === 's' || widget.height === 'l' ? widget.height : 'm';
}

export function widgetBody(widget: WidgetView, width: number, ctx: RenderContext, size: HeightClass = heightClass(widget)): Body {
  const body = kindBody(widget, width, ctx, size);
  return { ...body, problems: [...contentProblems(widget), ...body.problems] };
}

function kindBody(widget: WidgetView, width: number, ctx: RenderContext, size: HeightClass): Body {
  switch (widget.kind) {
    case 'markdown':
      return markdownBody(widget, width, widget.height, ctx);
    case 'metric':
      return metricBody(widget, width, ctx);
    case 'table':
      return tableBody(widget, width, size, ctx);
    case 'chart':
      return chartBody({ option: widget.option, type: widget.type, nameColors: ctx.chartColors?.get(widget.id) }, width, size, ctx);
    case 'image':
      return imageBody(widget, width, size, ctx);
    case 'code':
      return codeBody(widget, width, size, ctx);
    case 'progress':
      return progressBody(widget, width, ctx);
    case 'log':
      return logBody(widget, width, size, ctx);
    case 'choice':
      return choiceBody(widget, width, ctx);
    case 'form':
      return formBody(widget, width, ctx);
  }
}
