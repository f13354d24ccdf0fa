import { describe, expect, it } from 'bun:test';
import { formatDelta, formatDuration, formatNumber, formatPercent } from '../../../../server/dashboard/present/format.ts';

describe('formatNumber', () => {
  it('keeps significant digits of small values instead of rounding them to a fixed 4 decimals', () => {
    expect(formatNumber(0.000123)).toBe('0.000123');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(-0.0000456789)).toBe('-0.0000457');
    expect(formatNumber(0)).toBe('0');
  });

  it('groups large numbers by the locale and drops noise digits', () => {
    expect(formatNumber(191493.9)).toBe('191,494');
    expect(formatNumber(12.34567)).toBe('12.346');
  });

  it('writes every percent in one style', () => {
    expect(formatNumber(0.41, 'percent')).toBe('41%');
    expect(formatNumber(0.039, 'percent')).toBe('3.9%');
    expect(formatPercent(0.4, 0)).toBe('40%');
    expect(formatDelta(0.062, undefined, { deltaFormat: 'percent' })).toBe('+6.2%');
  });
});

describe('formatDelta', () => {
  it('reads a delta as an absolute change in the value\'s format, never by its size', () => {
    expect(formatDelta(0.5)).toBe('+0.5');
    expect(formatDelta(2)).toBe('+2');
    expect(formatDelta(-1500, 'integer')).toBe('−1,500');
  });

  it('adds the metric\'s unit, but not after a currency symbol or a percent sign', () => {
    expect(formatDelta(-4.5, undefined, { unit: 'ms' })).toBe('−4.5 ms');
    expect(formatDelta(-4.5, 'currency:USD', { unit: 'USD' })).toBe('−$4.50');
    expect(formatDelta(0.03, 'percent', { unit: 'pts' })).toBe('+3%');
  });

  it('follows deltaFormat when given, without the value\'s unit', () => {
    expect(formatDelta(0.05, 'currency:USD', { unit: 'USD', deltaFormat: 'percent' })).toBe('+5%');
    expect(formatDelta(1234, undefined, { unit: 'req', deltaFormat: 'compact' })).toBe('+1.2K');
    expect(formatDelta(0)).toBe('±0');
  });
});

describe('formatDuration', () => {
  it('says a lifetime in words, to its two largest units', () => {
    expect(formatDuration(5_000)).toBe('5 seconds');
    expect(formatDuration(86_400_000)).toBe('1 day');
    expect(formatDuration(90 * 60_000)).toBe('1 hour 30 minutes');
    expect(formatDuration(7 * 86_400_000 + 1000)).toBe('7 days');
  });
});
