// The in-chat views' long-poll bounds: one wait per view, a call rate per view, a cap on open waits.
import { describe, expect, test } from 'bun:test';
import { createWaitGate } from '../../../../server/mcp/app-view/wait-gate.ts';

describe('wait gate', () => {
  test("a view's new wait ends its previous one; another view's wait is untouched", () => {
    const gate = createWaitGate({ perViewCalls: 10, windowMs: 1_000, maxOpen: 10, maxViews: 10 });
    const first = gate.admit('d:a');
    const other = gate.admit('d:b');
    const second = gate.admit('d:a');
    if (!first.ok || !second.ok || !other.ok) throw new Error('refused');
    expect(first.signal.aborted).toBe(true);
    expect(second.signal.aborted).toBe(false);
    expect(other.signal.aborted).toBe(false);
    first.release();
    expect(gate.openCount()).toBe(2);
    second.release();
    other.release();
    expect(gate.openCount()).toBe(0);
  });

  test('refuses a view past its calls per window and says when to retry; the window frees it again', () => {
    let now = 0;
    const gate = createWaitGate({ perViewCalls: 3, windowMs: 1_000, maxOpen: 10, maxViews: 10, now: () => now });
    for (let i = 0; i < 3; i++) {
      const admitted = gate.admit('d:a');
      if (admitted.ok) admitted.release();
      now += 100;
    }
    const refused = gate.admit('d:a');
    expect(refused).toEqual({ ok: false, retryAfterMs: 700 });
    expect(gate.admit('d:b').ok).toBe(true);
    now = 1_001;
    expect(gate.admit('d:a').ok).toBe(true);
  });

  test('answers at once past the open-wait cap', () => {
    const gate = createWaitGate({ perViewCalls: 10, windowMs: 1_000, maxOpen: 2, maxViews: 10 });
    expect(gate.admit('d:a').ok).toBe(true);
    expect(gate.admit('d:b').ok).toBe(true);
    expect(gate.admit('d:c').ok).toBe(false);
  });
});
