import * as echarts from 'echarts';
import type { ReportTable } from './open-days.report.js';
import { withoutInlineStyles } from '../../platform/charts.js';

// Charts of the results report: ECharts rendered to SVG on the server, each shown beside its table.
// Colours have ≥ 4.5:1 contrast on white; the table carries every number as text.

const PALETTE = ['#0b4f9c', '#1e6b34', '#8a5a00', '#a4161a', '#5b2a86', '#455a64'];
const AXIS = { color: '#1f2328', fontSize: 13 };

function render(option: echarts.EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, color: PALETTE, textStyle: { fontFamily: 'sans-serif', fontSize: 13 }, ...option });
    return withoutInlineStyles(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/** A horizontal bar per row of a table, from one numeric column. */
export function barChart(table: ReportTable, column: number): string {
  const rows = table.rows.filter((r) => typeof r[column] === 'number');
  const height = Math.max(160, 50 + rows.length * 30);
  return render(
    {
      grid: { left: 200, right: 70, top: 10, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1, axisLabel: AXIS },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => String(r[0])), axisLabel: { ...AXIS, width: 190, overflow: 'truncate' } },
      series: [{ type: 'bar', name: table.header[column], data: rows.map((r) => r[column] as number), label: { show: true, position: 'right', color: '#1f2328', fontSize: 13 } }],
    },
    720,
    height,
  );
}

/** A stacked bar per row, one segment per numeric column in `columns`, with a legend. */
export function stackedChart(table: ReportTable, columns: number[]): string {
  const height = Math.max(180, 80 + table.rows.length * 32);
  return render(
    {
      legend: { top: 0, textStyle: AXIS },
      grid: { left: 200, right: 30, top: 40, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1, axisLabel: AXIS },
      yAxis: { type: 'category', inverse: true, data: table.rows.map((r) => String(r[0])), axisLabel: { ...AXIS, width: 190, overflow: 'truncate' } },
      series: columns.map((c) => ({ type: 'bar', stack: 'all', name: table.header[c], data: table.rows.map((r) => Number(r[c] ?? 0)) })),
    },
    720,
    height,
  );
}
