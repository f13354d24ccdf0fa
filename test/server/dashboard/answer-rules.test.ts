// The answer rules the page checks before sending and the server checks again.
import { describe, expect, test } from 'bun:test';
import { choiceAnswerProblem, formAnswerProblems, formValueProblem, isIsoDate } from '../../../server/dashboard/answer-rules.ts';

const fields = [
  { name: 'name', label: 'Name', type: 'text', required: true },
  { name: 'amount', label: 'Amount', type: 'number' },
  { name: 'region', label: 'Region', type: 'select', options: ['EU', 'US'] },
  { name: 'agree', label: 'I agree', type: 'checkbox', required: true },
  { name: 'start', label: 'Start', type: 'date' },
];

describe('answer rules', () => {
  test('a complete, well-typed form answer has no problems; optional fields may be left out', () => {
    expect(formAnswerProblems(fields, { name: 'Ada', amount: 12.5, region: 'EU', agree: true, start: '2026-02-28' })).toEqual([]);
    expect(formAnswerProblems(fields, { name: 'Ada', agree: true })).toEqual([]);
  });

  test('names each field that is missing, of the wrong type, not an option, or unknown', () => {
    const problems = formAnswerProblems(fields, { name: '  ', amount: '12', region: 'Mars', agree: false, start: '2026-02-30', extra: 1 });
    expect(Object.fromEntries(problems.map((p) => [p.field, p.message]))).toEqual({
      extra: 'is not a field of this form',
      name: 'is required',
      amount: 'must be a number',
      region: 'must be one of: EU, US',
      agree: 'must be ticked',
      start: 'must be a date like 2026-12-31',
    });
  });

  test('checks a form author\'s defaults by type only', () => {
    expect(formValueProblem({ name: 'n', type: 'number', required: true }, undefined, 'default')).toBeUndefined();
    expect(formValueProblem({ name: 'n', type: 'number' }, 'ten', 'default')).toBe('a number field takes a number default');
    expect(formValueProblem({ name: 'a', type: 'checkbox', required: true }, false, 'default')).toBeUndefined();
  });

  test('dates are real calendar days in YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-1-05')).toBe(false);
    expect(isIsoDate(20260105)).toBe(false);
  });

  test('a choice answer uses the choice\'s option ids, once each, one unless multiple', () => {
    const single = { options: [{ id: 'a' }, { id: 'b' }] };
    expect(choiceAnswerProblem(single, ['a'])).toBeUndefined();
    expect(choiceAnswerProblem(single, ['a', 'b'])).toBe('pick exactly one option');
    expect(choiceAnswerProblem(single, [])).toBe('pick at least one option');
    expect(choiceAnswerProblem(single, ['c'])).toBe('"c" is not an option of this choice');
    expect(choiceAnswerProblem({ ...single, multiple: true }, ['a', 'b'])).toBeUndefined();
    expect(choiceAnswerProblem({ ...single, multiple: true }, ['a', 'a'])).toBe('an option is picked twice');
  });
});
