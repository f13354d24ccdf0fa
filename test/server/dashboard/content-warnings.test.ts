// widgetContentWarnings: what the schema accepts but the page would not show as meant, said per widget.
import { describe, expect, test } from 'bun:test';
import { contentWarnings, warningText, widgetContentWarnings } from '../../../server/dashboard/content-warnings.ts';
import type { Widget } from '../../../server/dashboard/schema.ts';

const md = (text: string) => ({ id: 'notes', kind: 'markdown', text }) as Widget;
const table = (rows: unknown[]) => ({ id: 'holdings', kind: 'table', columns: [{ key: 'name' }, { key: 'price', type: 'number' }], rows }) as Widget;

describe('widgetContentWarnings', () => {
  test('a well-formed markdown table, prose with pipes in code, and a fenced block give no warning', () => {
    expect(widgetContentWarnings(md('| a | b |\n| --- | --- |\n| 1 | 2 |\n\nText with `a | b` in it.\n\n```\n| a | b |\n| c |\n```'))).toEqual([]);
    expect(widgetContentWarnings(md('|x| is the absolute value of x.\n\n|x|'))).toEqual([]);
  });

  test('a header row without a delimiter row is a table that shows as lines of pipes', () => {
    const [warning, ...rest] = widgetContentWarnings(md('Results:\n\n| a | b |\n| 1 | 2 |'));
    expect(rest).toEqual([]);
    expect(warning).toBe(
      'markdown "notes": the lines at line 3 look like a table but are not one: a table needs a delimiter row right under its header with one cell per column, e.g. | --- | --- | (it shows as lines of pipes)',
    );
  });

  test('a delimiter row with fewer cells than the header is not a table either', () => {
    expect(widgetContentWarnings(md('| a | b |\n|---|\n| 1 | 2 |'))[0]).toContain('look like a table but are not one');
  });

  test('rows with more or fewer cells than the header, and text glued under a table, are named by line', () => {
    const warnings = widgetContentWarnings(md('| a | b |\n|---|---|\n| 1 | 2 | 3 |\n| 4 |\nplain text'));
    expect(warnings).toEqual([
      'markdown "notes": the table at line 1 has 2 columns but rows at lines 3 (3 cells), 4 (1 cells), 5 (1 cells): give every row 2 cells (extra cells are dropped, missing ones show empty; a line of text right under a table becomes a row: leave a blank line before it)',
    ]);
  });

  test('table row keys that match no column are named with their counts, and the column they probably meant', () => {
    const warnings = widgetContentWarnings(table([{ name: 'ACME', Price: 1 }, { name: 'Foo', Price: 2, note: 'x' }]));
    expect(warnings).toEqual([
      'table "holdings": row keys that match no column are not shown: "Price" (2 rows), "note" (1 row); column keys are "name", "price": rename the keys or add columns for them',
      'table "holdings": column "price" has no value in any row',
    ]);
  });

  test('array rows longer than the columns are reported; matching rows are not', () => {
    expect(widgetContentWarnings(table([['a', 1], ['b', 2, 'extra']]))).toEqual([
      'table "holdings": 1 row has more cells than the 2 columns (first: row 1); the extra cells are not shown: add columns or drop the cells',
    ]);
    expect(widgetContentWarnings(table([{ name: 'a', price: 1 }, ['b', 2]].slice(0, 1)))).toEqual([]);
  });

  test('other kinds have no content warnings; many widgets give a bounded list; the result text says the write was kept', () => {
    expect(widgetContentWarnings({ id: 'm', kind: 'metric', value: 1 } as Widget)).toEqual([]);
    const many = Array.from({ length: 30 }, (_, i) => ({ ...md('| a |\n| b |'), id: `n${i}` }) as Widget);
    expect(contentWarnings(many)).toHaveLength(10);
    expect(warningText([])).toBe('');
    expect(warningText(['table "t": x'])).toBe('\nWarning (the write was kept): table "t": x');
  });
});
