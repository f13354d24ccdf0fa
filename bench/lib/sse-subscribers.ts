// A separate process that holds N dashboard event streams and reports, per revision, when the first and the last
// subscriber got its `update`. Separate so its 1,000 connections neither share the writer's event loop nor hit
// Bun's per-process fetch connection cap (raised here through BUN_CONFIG_MAX_HTTP_REQUESTS by the parent).
// bun run bench/lib/sse-subscribers.ts <events-url> <count> <last-revision>
// stdout: "READY" once every stream has its snapshot, then one JSON line {revision: [firstMs, lastMs, count]}.
const [url, countText, lastText] = process.argv.slice(2);
const count = Number(countText);
const lastRevision = Number(lastText);
const now = () => performance.timeOrigin + performance.now();
const arrivals = new Map<number, [number, number, number]>();
let snapshots = 0;
let done = 0;
let finish: () => void;
const finished = new Promise<void>((resolve) => (finish = resolve));

async function subscribe(): Promise<void> {
  const response = await fetch(url!, { headers: { accept: 'text/event-stream' } });
  if (response.status !== 200) throw new Error(`events: HTTP ${response.status}`);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done: ended, value } = await reader.read();
    if (ended) return;
    buffer += decoder.decode(value, { stream: true });
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) !== -1) {
      const frame = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = /^event: (\w+)/m.exec(frame)?.[1];
      const id = Number(/^id: (\d+)/m.exec(frame)?.[1]);
      if (event === 'snapshot' && ++snapshots === count) console.log('READY');
      if (event === 'update') {
        const t = now();
        const entry = arrivals.get(id);
        if (entry) {
          entry[1] = t;
          entry[2]++;
        } else arrivals.set(id, [t, t, 1]);
        if (id >= lastRevision) {
          await reader.cancel();
          if (++done === count) finish();
          return;
        }
      }
    }
  }
}

const streams = Array.from({ length: count }, () => subscribe().catch((error) => console.error(String(error))));
await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 120_000))]);
console.log(JSON.stringify(Object.fromEntries(arrivals)));
void streams;
process.exit(0);
export {};
