// Shared fixtures for the dashboard domain tests: a fresh document and the portfolio example.
import { expect } from 'bun:test';
import { createDashboard } from '../../../server/dashboard/edit.ts';
import { DEFAULT_LIMITS, type Limits } from '../../../server/dashboard/limits.ts';
import type { Dashboard } from '../../../server/dashboard/schema.ts';
import portfolio from '../../fixtures/portfolio.json';

export const ID = '3f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c';
export const NOW = new Date('2026-11-24T10:00:00.000Z');
export const LIMITS: Limits = { ...DEFAULT_LIMITS };

export function emptyDoc(): Dashboard {
  return createDashboard({ id: ID, now: NOW, ttlMs: 24 * 3600_000 });
}

/** A deep copy of the example's widgets, so no test can leak changes into another. */
export function portfolioWidgets(): Record<string, unknown>[] {
  return structuredClone(portfolio.widgets) as Record<string, unknown>[];
}

export function docWith(widgets: unknown[]): Dashboard {
  return { ...emptyDoc(), widgets: structuredClone(widgets) as Dashboard['widgets'] };
}

/**
 * Runs an edit that must fail: asserts the error class, that its message matches, and that the input document
 * is exactly as it was (edits never mutate, never half-apply).
 */
export function expectRejected(
  doc: Dashboard,
  edit: (doc: Dashboard) => unknown,
  errorClass: new (...args: never[]) => Error,
  message: RegExp,
): Error {
  const before = structuredClone(doc);
  let caught: unknown;
  try {
    edit(doc);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(errorClass);
  expect((caught as Error).message).toMatch(message);
  expect(doc).toEqual(before);
  return caught as Error;
}
