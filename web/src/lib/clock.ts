// One shared ticking clock for "updated 5 s ago" texts, so every label updates together.
import { createRoot, createSignal, type Accessor } from 'solid-js';

let shared: Accessor<number> | undefined;

export function useNow(): Accessor<number> {
  if (!shared) {
    shared = createRoot(() => {
      const [now, setNow] = createSignal(Date.now());
      setInterval(() => setNow(Date.now()), 1000);
      return now;
    });
  }
  return shared;
}
