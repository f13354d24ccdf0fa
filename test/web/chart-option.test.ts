import { describe, expect, it } from 'vitest';
import { prepareChartOption } from '../../web/src/lib/chart-option';
import { chartOptionToCsv, toCsv } from '../../web/src/lib/csv';

describe('prepareChartOption', () => {
  it('forces text-only tooltips even when the option asks for HTML', () => {
    const o = prepareChartOption({ tooltip: { renderMode: 'html', formatter: '<img src=x onerror=alert(1)>' }, series: [{ type: 'pie', data: [] }] });
    expect(o.tooltip).toEqual([{ confine: true, renderMode: 'richText', formatter: '<img src=x onerror=alert(1)>' }]);
  });

  it('adds a richText tooltip when the option has none', () => {
    const o = prepareChartOption({ xAxis: {}, yAxis: {}, series: [{ type: 'line', data: [1] }] });
    expect(o.tooltip).toEqual([{ confine: true, trigger: 'axis', renderMode: 'richText' }]);
  });

  it('drops remote images, the toolbox data view and graphic elements', () => {
    const o = prepareChartOption({
      toolbox: { feature: { dataView: {} } },
      graphic: [{ type: 'image', style: { image: 'https://evil.test/x.png' } }],
      backgroundColor: { image: 'https://evil.test/bg.png', repeat: 'repeat' },
      series: [{ type: 'scatter', symbol: 'image://https://evil.test/dot.png', data: [[1, 2]] }],
    });
    expect(o.toolbox).toBeUndefined();
    expect(o.graphic).toBeUndefined();
    expect(o.backgroundColor).toEqual({ repeat: 'repeat' });
    expect((o.series as { symbol: string }[])[0]!.symbol).toBe('circle');
    expect(JSON.stringify(o)).not.toContain('evil.test');
  });

  it('rejects a series type the page does not ship', () => {
    expect(() => prepareChartOption({ series: [{ type: 'lines3D' }] })).toThrow(/lines3D/);
    expect(() => prepareChartOption('not an object')).toThrow(/option/);
  });
});

describe('csv export', () => {
  it('quotes separators and neutralises spreadsheet formulas', () => {
    expect(toCsv(['a', 'b'], [['x,y', '=HYPERLINK("http://evil")'], [-3, 'say "hi"']])).toBe(
      'a,b\r\n"x,y","\'=HYPERLINK(""http://evil"")"\r\n-3,"say ""hi"""\r\n',
    );
  });

  it('flattens chart series against the category axis', () => {
    const csv = chartOptionToCsv({ xAxis: { type: 'category', data: ['Mon', 'Tue'] }, series: [{ name: 'sales', type: 'bar', data: [5, 7] }, { name: 'pie', type: 'pie', data: [{ name: 'A', value: 1 }] }] });
    expect(csv).toBe('series,category,value\r\nsales,Mon,5\r\nsales,Tue,7\r\npie,A,1\r\n');
  });
});
