// One shared ResizeObserver: charts learn their size after layout instead of forcing a layout each.
type Listener = (width: number, height: number) => void;

const listeners = new WeakMap<Element, Listener>();
let observer: ResizeObserver | undefined;

/** Calls `listener` with the element's content size now (after layout) and on every change. */
export function observeSize(el: Element, listener: Listener): () => void {
  if (typeof ResizeObserver !== 'function') {
    // No ResizeObserver (old browsers, jsdom): measure once.
    listener((el as HTMLElement).clientWidth, (el as HTMLElement).clientHeight);
    return () => undefined;
  }
  observer ??= new ResizeObserver((entries) => {
    for (const e of entries) listeners.get(e.target)?.(e.contentRect.width, e.contentRect.height);
  });
  listeners.set(el, listener);
  observer.observe(el);
  return () => {
    listeners.delete(el);
    observer?.unobserve(el);
  };
}
