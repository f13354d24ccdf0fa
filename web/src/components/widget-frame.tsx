// One widget's card: title, download actions, the Comment button, caption, and an error box if its content cannot render.
import { createEffect, createSignal, ErrorBoundary, on, Show, type Accessor, type JSX } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import type { WidgetView } from '../api/types';
import { chartOptionToCsv, toCsv } from '../../../server/dashboard/present/csv.ts';
import { dataUrlToBlob, safeFilename, useDownloader } from '../lib/download';
import { Markdown } from '../lib/markdown';
import { readColumns, readRows } from '../../../server/dashboard/present/table-model.ts';
import { WidgetDataError } from '../../../server/dashboard/present/widget-fields.ts';
import { useFeedback } from '../state/dashboard-context';
import { componentFor, WIDGETS, widgetHeight, widgetWidth } from '../widgets/registry';
import { CommentBox, SentComments } from './comment-box';
import { WidgetFrameContext } from './widget-context';

function UnknownKind(props: { kind: unknown }): JSX.Element {
  throw new WidgetDataError(`unknown widget kind "${String(props.kind)}" (use ${Object.keys(WIDGETS).join(', ')})`);
}

function ErrorBox(props: { error: unknown; reset: () => void; widget: Accessor<WidgetView> }): JSX.Element {
  // A new version of the widget gets a fresh try.
  createEffect(on(props.widget, () => props.reset(), { defer: true }));
  const message = (): string => (props.error instanceof Error ? props.error.message : String(props.error));
  return (
    <div class="widget-error" role="alert">
      <strong>This widget cannot be shown.</strong>
      <span>{message()}</span>
    </div>
  );
}

interface Commenting {
  /** Whether the page takes comments at all. */
  allowed: () => boolean;
  open: Accessor<boolean>;
  toggle(): void;
  boxId: string;
}

function Actions(props: { widget: Accessor<WidgetView>; png: () => string | undefined; comment: Commenting }): JSX.Element {
  const name = (): string => safeFilename(props.widget().id);
  // Undefined in an in-chat view whose host offers no downloads: the export buttons are hidden there.
  const downloader = useDownloader();
  const downloadText = (text: string, filename: string, type: string): void => downloader?.save(new Blob([text], { type }), filename);
  const csv = (): void => {
    const w = props.widget();
    const text =
      w.kind === 'table'
        ? (() => {
            const cols = readColumns(w.columns);
            return toCsv(cols.map((c) => c.label), readRows(w.rows, cols));
          })()
        : chartOptionToCsv(w.option);
    downloadText(text, `${name()}.csv`, 'text/csv;charset=utf-8');
  };
  const png = (): void => {
    const url = props.png();
    if (url) downloader?.save(dataUrlToBlob(url), `${name()}.png`);
  };
  const log = (): void => {
    const lines = props.widget().lines;
    downloadText(Array.isArray(lines) ? lines.join('\n') + '\n' : '', `${name()}.log`, 'text/plain;charset=utf-8');
  };
  const kind = (): string => props.widget().kind;
  return (
    <div class="widget-actions">
      <Show when={downloader && (kind() === 'table' || kind() === 'chart')}>
        <button type="button" class="icon-button" onClick={csv} title="Download data as CSV">CSV</button>
      </Show>
      <Show when={downloader && kind() === 'chart'}>
        <button type="button" class="icon-button" onClick={png} title="Download chart as PNG">PNG</button>
      </Show>
      <Show when={downloader && kind() === 'log'}>
        <button type="button" class="icon-button" onClick={log} title="Download log lines">TXT</button>
      </Show>
      <Show when={props.comment.allowed()}>
        <button
          type="button"
          class="icon-button comment-button"
          aria-expanded={props.comment.open()}
          aria-controls={props.comment.open() ? props.comment.boxId : undefined}
          onClick={() => props.comment.toggle()}
          title="Tell the assistant something about this widget"
        >
          Comment
        </button>
      </Show>
    </div>
  );
}

export function WidgetFrame(props: { widget: Accessor<WidgetView> }): JSX.Element {
  let pngExporter: (() => string | undefined) | undefined;
  const w = props.widget;
  const feedback = useFeedback();
  const allowed = (): boolean => feedback?.open() ?? false;
  const [commenting, setCommenting] = createSignal(false);
  const comment: Commenting = {
    allowed,
    open: () => commenting() && allowed(),
    toggle: () => setCommenting((c) => !c),
    boxId: `w-${w().id}-comment`,
  };
  const component = () => componentFor(w().kind);
  // An untitled card whose only action is Comment: the button sits in the corner instead of taking a row of its own.
  const cornerActions = (): boolean => !w().title && !['table', 'chart', 'log'].includes(w().kind);
  const titleId = (): string => `w-${w().id}-title`;
  return (
    <section
      class={`widget kind-${w().kind} span-${widgetWidth(w())} height-${widgetHeight(w())}`}
      data-widget-id={w().id}
      aria-labelledby={w().title ? titleId() : undefined}
      aria-label={w().title ? undefined : `${w().kind} widget`}
    >
      <Show when={w().title || w().kind === 'table' || w().kind === 'chart' || w().kind === 'log' || allowed()}>
        <header class={cornerActions() ? 'widget-head widget-head-corner' : 'widget-head'}>
          <Show when={w().title} fallback={cornerActions() ? undefined : <span />}>
            <h2 id={titleId()} class="widget-title">{w().title}</h2>
          </Show>
          <Actions widget={w} png={() => pngExporter?.()} comment={comment} />
        </header>
      </Show>
      <div class="widget-body">
        <WidgetFrameContext.Provider value={{ setPngExporter: (fn) => (pngExporter = fn) }}>
          <ErrorBoundary fallback={(error, reset) => <ErrorBox error={error} reset={reset} widget={w} />}>
            <Show when={component()} fallback={<UnknownKind kind={w().kind} />}>
              {(c) => <Dynamic component={c()} widget={w()} />}
            </Show>
          </ErrorBoundary>
        </WidgetFrameContext.Provider>
      </div>
      <Show when={comment.open()}>
        <CommentBox widgetId={w().id} about={w().title ?? `the ${w().kind} widget`} id={comment.boxId} onDone={() => setCommenting(false)} />
      </Show>
      <SentComments widgetId={w().id} />
      <Show when={typeof w().note === 'string' && w().note}>
        <div class="widget-note">
          <ErrorBoundary fallback={<span>{String(w().note)}</span>}>
            <Markdown text={w().note as string} />
          </ErrorBoundary>
        </div>
      </Show>
    </section>
  );
}
