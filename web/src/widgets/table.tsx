// Table widget: typed cells, sort by clicking a header, paged so 10,000 rows stay smooth.
import { createMemo, createSignal, For, onCleanup, onMount, Show, type JSX } from 'solid-js';
import type { WidgetView } from '../api/types';
import { safeLinkHref } from '../../../server/dashboard/present/safe-url.ts';
import { cellText, pageCount, readColumns, readRows, readSort, sortedIndices, type Column, type Sort } from '../../../server/dashboard/present/table-model.ts';
import { optNumber } from '../../../server/dashboard/present/widget-fields.ts';
import { observeSize } from '../lib/size-observer';

function Cell(props: { value: unknown; column: Column }): JSX.Element {
  if (props.column.type === 'link') {
    const href = safeLinkHref(props.value);
    return href ? <a href={href} target="_blank" rel="noopener noreferrer">{cellText(props.value, props.column)}</a> : <>{cellText(props.value, props.column)}</>;
  }
  return <>{cellText(props.value, props.column)}</>;
}

export function TableWidget(props: { widget: WidgetView }): JSX.Element {
  const columns = createMemo(() => readColumns(props.widget.columns));
  const rows = createMemo(() => readRows(props.widget.rows, columns()));
  // The reader's choice of sort and page lives here, so it survives updates of the data.
  const [userSort, setUserSort] = createSignal<Sort | undefined>();
  const [page, setPage] = createSignal(0);
  const sort = (): Sort | undefined => userSort() ?? readSort(props.widget.sortBy, columns());
  // Same default and ceiling as the server's schema (pageSize: default 50, at most 1000).
  const pageSize = (): number => Math.min(1000, Math.max(1, Math.floor(optNumber(props.widget.pageSize, 'pageSize') ?? 50)));
  const order = createMemo(() => sortedIndices(rows(), columns(), sort()));
  const pages = (): number => pageCount(order().length, pageSize());
  const current = (): number => Math.min(page(), pages() - 1);
  const visible = (): unknown[][] => {
    const start = current() * pageSize();
    return order().slice(start, start + pageSize()).map((i) => rows()[i]!);
  };
  const toggle = (key: string): void => {
    const s = sort();
    setUserSort(s?.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' });
    setPage(0);
  };
  const ariaSort = (key: string): 'ascending' | 'descending' | undefined => {
    const s = sort();
    return s?.key === key ? (s.dir === 'asc' ? 'ascending' : 'descending') : undefined;
  };
  const numeric = (c: Column): boolean => c.type === 'number';
  // Columns cut off at the right edge (a phone, a chat column): a fade on that edge and a "Scroll →" hint say so.
  let scroller!: HTMLDivElement;
  let table!: HTMLTableElement;
  const [more, setMore] = createSignal<{ left: boolean; right: boolean }>({ left: false, right: false });
  const measure = (): void => {
    const left = scroller.scrollLeft > 1;
    const right = scroller.scrollLeft + scroller.clientWidth < scroller.scrollWidth - 1;
    if (left !== more().left || right !== more().right) setMore({ left, right });
  };
  onMount(() => {
    const stops = [observeSize(scroller, measure), observeSize(table, measure)];
    onCleanup(() => stops.forEach((stop) => stop()));
  });
  return (
    <div class="table">
      <Show when={more().right || more().left}>
        <p class="table-hint" aria-hidden="true">{more().right ? 'Scroll → for more columns' : '← Scroll back'}</p>
      </Show>
      <div class="table-frame" classList={{ 'more-right': more().right, 'more-left': more().left }}>
      <div class="table-scroll" tabindex="0" ref={scroller} onScroll={measure}>
        <table ref={table}>
          <thead>
            <tr>
              <For each={columns()}>
                {(c) => (
                  <th scope="col" aria-sort={ariaSort(c.key)} classList={{ num: numeric(c) }}>
                    <button type="button" class="th-button" onClick={() => toggle(c.key)}>
                      {c.label}
                      <span class="sort-mark" aria-hidden="true">{ariaSort(c.key) === 'ascending' ? '▲' : ariaSort(c.key) === 'descending' ? '▼' : ''}</span>
                    </button>
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={visible()}>
              {(row) => (
                <tr>
                  <For each={columns()}>
                    {(c, i) => (
                      <td classList={{ num: numeric(c) }}>
                        <Cell value={row[i()]} column={c} />
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <Show when={rows().length === 0}><p class="empty">No rows yet.</p></Show>
      </div>
      </div>
      <Show when={pages() > 1}>
        <nav class="pager" aria-label="Table pages">
          <button type="button" onClick={() => setPage(0)} disabled={current() === 0} aria-label="First page">«</button>
          <button type="button" onClick={() => setPage(current() - 1)} disabled={current() === 0} aria-label="Previous page">‹</button>
          <span class="pager-status">
            Page {current() + 1} of {pages()} · {rows().length.toLocaleString()} rows
          </span>
          <button type="button" onClick={() => setPage(current() + 1)} disabled={current() >= pages() - 1} aria-label="Next page">›</button>
          <button type="button" onClick={() => setPage(pages() - 1)} disabled={current() >= pages() - 1} aria-label="Last page">»</button>
        </nav>
      </Show>
    </div>
  );
}
