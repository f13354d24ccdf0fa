// The nesting bound every JSON input shares (tool arguments, merge patches, widget fields, page feedback), checked
// without recursion so that a 100,000-deep input is refused with a message instead of overflowing the stack.

/**
 * At most this many levels of nested arrays/objects in one input. The deepest honest input is an ECharts option
 * inside a widget inside a widget list (about 10-15 levels); 64 leaves four times that, and stays far below the
 * depth at which recursive code (zod, the merge patch, JSON.stringify, msgpack) runs out of stack (thousands).
 */
export const MAX_JSON_DEPTH = 64;

interface Frame {
  value: object;
  depth: number;
  key: string | number | undefined;
  parent: Frame | undefined;
}

/** `a.b[0].c`, cut to its first few steps: enough for the model or the page to find the place. */
function pathOf(frame: Frame, root: string): string {
  const keys: (string | number)[] = [];
  for (let f: Frame | undefined = frame; f?.key !== undefined; f = f.parent) keys.push(f.key);
  keys.reverse();
  const shown = keys.slice(0, 8).map((key) => (typeof key === 'number' ? `[${key}]` : `.${key.length > 40 ? `${key.slice(0, 40)}…` : key}`));
  return `${root}${shown.join('')}${keys.length > 8 ? '…' : ''}`;
}

/**
 * The path to the first array/object nested deeper than `limit` levels (the value itself, if a container, is
 * level 1), or undefined when the value is within the bound. Iterative: never recurses, whatever the input.
 */
export function findTooDeep(value: unknown, limit: number = MAX_JSON_DEPTH, root = '(input)'): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const stack: Frame[] = [{ value, depth: 1, key: undefined, parent: undefined }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.depth > limit) return pathOf(frame, root);
    const depth = frame.depth + 1;
    // Plain loops, no entry arrays: a 4 MiB table body has some 100,000 rows to pass through here.
    if (Array.isArray(frame.value)) {
      const items: unknown[] = frame.value;
      for (let i = 0; i < items.length; i++) {
        const child = items[i];
        if (child !== null && typeof child === 'object') stack.push({ value: child, depth, key: i, parent: frame });
      }
    } else {
      const record = frame.value as Record<string, unknown>;
      for (const key in record) {
        const child = record[key];
        if (child !== null && typeof child === 'object') stack.push({ value: child, depth, key, parent: frame });
      }
    }
  }
  return undefined;
}

/** The sentence every refusal uses, naming the bound and where it was passed. */
export function tooDeepMessage(path: string, limit: number = MAX_JSON_DEPTH): string {
  return `${path} is nested more than ${limit} levels deep (arrays/objects inside each other); the limit for any JSON input is ${limit} levels. Flatten that data and send it again.`;
}
