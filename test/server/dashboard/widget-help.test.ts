// The widget help and the compact widget JSON Schema come from the zod schemas: every kind, chart type, field and
// format word the server accepts is described, and a client checking with the JSON Schema agrees with the server.
import { describe, expect, test } from 'bun:test';
import { fromJsonSchema, type JsonSchemaType } from '@modelcontextprotocol/client';
import { z } from 'zod';
import { ChartWidgetSchema, NUMBER_FORMATS, WidgetSchema } from '../../../server/dashboard/schema.ts';
import { widgetKinds, widgetsHelp } from '../../../server/dashboard/widget-help.ts';
import { widgetItemJsonSchema } from '../../../server/dashboard/widget-json-schema.ts';
import { portfolioWidgets } from './helpers.ts';

const help = widgetsHelp();
/** What the schema itself accepts, read from it (not from the lists the help is built from). */
const acceptedKinds = WidgetSchema.options.map((option) => option.shape.kind.value);
const acceptedChartTypes = (ChartWidgetSchema.shape.type.unwrap() as z.ZodEnum).options as string[];
const chartTypeText = ChartWidgetSchema.shape.type.description ?? '';

describe('widgetsHelp', () => {
  test('describes every kind the schema accepts, each with its own description', () => {
    expect(widgetKinds()).toEqual(acceptedKinds);
    for (const kind of acceptedKinds) expect(help).toMatch(new RegExp(`kind "${kind}": [A-Z][^{]{10,}\\{`));
  });

  test('describes every chart type the schema accepts with the shape of its points', () => {
    expect(acceptedChartTypes).toContain('funnel');
    for (const type of acceptedChartTypes) {
      // "line, area, bar: a number per x label" names each type in a group ending with its shape.
      expect(chartTypeText).toMatch(new RegExp(`(?:: |; )(?:[a-z-]+, )*${type}(?:, [a-z-]+)*: [^;]{8,}`));
    }
    expect(help).toContain(chartTypeText.replace(/\.$/, ''));
  });

  test('every field of every kind has a description, and no field is left out', () => {
    for (const option of WidgetSchema.options) {
      for (const [name, field] of Object.entries(option.shape as Record<string, z.ZodType>)) {
        const described = field.description ?? (field instanceof z.ZodOptional ? (field.unwrap() as z.ZodType).description : undefined);
        expect(`${option.shape.kind.value}.${name}: ${described ?? ''}`.length).toBeGreaterThan(`${option.shape.kind.value}.${name}: `.length + 5);
        if (name !== 'kind') expect(help).toMatch(new RegExp(`(?:\\{|; )${name}\\??( \\([^)]*\\))?: `));
      }
    }
    expect(help).not.toMatch(/: ;|: }/);
  });

  test('names the format words, the delta rule, the gauge scale and what y means', () => {
    for (const word of NUMBER_FORMATS) expect(help).toContain(`"${word.replace(':N', ':2').replace(':XXX', ':USD')}"`);
    expect(help).toContain('"currency:EUR"');
    expect(help).toContain('deltaFormat?');
    expect(help).toContain("in the value's own unit");
    expect(help).toContain('without max a value from 0 to 1 is a fraction');
    expect(help).toContain('y?: Heatmap only: the row labels');
    expect(help).toContain('data_append points add to the trend');
  });
});

describe('widgetItemJsonSchema', () => {
  // The SDK client's own JSON Schema validator: what a client checking tool arguments would run.
  const validator = fromJsonSchema(widgetItemJsonSchema() as JsonSchemaType)['~standard'];
  const check = (value: unknown) => {
    const result = validator.validate(value);
    if (result instanceof Promise) throw new Error('expected a synchronous validator');
    return result.issues === undefined;
  };

  test('has one branch per kind with the kind and the fields zod requires', () => {
    const schema = widgetItemJsonSchema() as { oneOf: { properties: { kind: { const: string } }; required: string[] }[] };
    expect(schema.oneOf.map((branch) => branch.properties.kind.const)).toEqual(acceptedKinds);
    expect(schema.oneOf.find((branch) => branch.properties.kind.const === 'table')!.required).toEqual(['kind', 'columns', 'rows']);
  });

  test('a client checking with it accepts every widget of the 20-widget example', () => {
    for (const widget of portfolioWidgets()) expect({ id: widget.id, ok: check(widget) }).toEqual({ id: widget.id, ok: true });
  });

  test('a client checking with it refuses what the server refuses: no kind, unknown kind, unknown chart type, wrong field type', () => {
    expect(check({ id: 'a', text: 'x' })).toBe(false);
    expect(check({ id: 'a', kind: 'slider' })).toBe(false);
    expect(check({ id: 'a', kind: 'chart', type: 'column', series: [] })).toBe(false);
    expect(check({ id: 'a', kind: 'metric', value: 1, trend: 'up' })).toBe(false);
    expect(check({ id: 'a', kind: 'markdown', text: 'x', width: 20 })).toBe(false);
    expect(check({ id: 'a', kind: 'markdown', text: 'x', width: 6 })).toBe(true);
  });
});
