// Markdown widget: rich text from the assistant (rendered from the AST, raw HTML shown as text).
import type { JSX } from 'solid-js';
import type { WidgetView } from '../api/types';
import { Markdown } from '../lib/markdown';
import { string } from '../../../server/dashboard/present/widget-fields.ts';

export function MarkdownWidget(props: { widget: WidgetView }): JSX.Element {
  return <Markdown text={string(props.widget.text, 'text')} class="widget-markdown" />;
}
