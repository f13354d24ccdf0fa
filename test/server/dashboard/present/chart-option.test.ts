import { describe, expect, it } from 'bun:test';
import { prepareChartOption } from '../../../../server/dashboard/present/chart-option.ts';
import { chartOptionToCsv, toCsv } from '../../../../server/dashboard/present/csv.ts';

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

  it('refuses media/baseOption/timeline, which would bypass the text-only tooltip rule', () => {
    const tooltip = { renderMode: 'html', formatter: '<img src=x onerror=alert(1)>' };
    expect(() => prepareChartOption({ series: [{ type: 'bar', data: [1] }], media: [{ option: { tooltip } }] })).toThrow(/"media" is not supported/);
    expect(() => prepareChartOption({ dataset: {}, baseOption: { tooltip, series: [{ type: 'bar' }] } })).toThrow(/"baseOption" is not supported/);
  });

  it('keeps title links to http(s) in a new tab and turns treemap link clicks into zoom', () => {
    const o = prepareChartOption({
      title: [{ text: 'Report', link: 'ms-msdt:/id PCWDiagnostic', target: 'self', sublink: 'https://example.com/r', subtarget: 'self' }],
      series: [{ type: 'treemap', nodeClick: 'link', data: [{ name: 'a', value: 1, link: 'https://evil.test', target: 'self' }] }],
    });
    const [title] = o.title as Record<string, unknown>[];
    expect(title!.link).toBeUndefined();
    expect(title!.target).toBe('blank');
    expect(title!.sublink).toBe('https://example.com/r');
    expect(title!.subtarget).toBe('blank');
    expect((o.series as { nodeClick: string }[])[0]!.nodeClick).toBe('zoomToNode');
  });

  it('rejects a series type the page does not ship', () => {
    expect(() => prepareChartOption({ series: [{ type: 'lines3D' }] })).toThrow(/lines3D/);
    expect(() => prepareChartOption('not an object')).toThrow(/option/);
  });
});

describe('csv export guards', () => {
  it('escapes a formula that starts like a negative number, keeps real numbers as they are', () => {
    expect(toCsv(['a'], [["-1+1+cmd|' /C calc'!A0"], ['-12.5'], [-3], ['1e-3']])).toBe("a\r\n'-1+1+cmd|' /C calc'!A0\r\n-12.5\r\n-3\r\n1e-3\r\n");
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
