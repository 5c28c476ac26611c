import * as echarts from 'echarts';
import { withoutInlineStyles } from '../../platform/charts.js';

// The monthly trend of a group of requests: ECharts rendered to SVG on the server; the table beside
// it carries every number as text. Colours have ≥ 4.5:1 contrast on white.

/** A line chart of requests per month, with the publication month marked when there is one. */
export function trendChart(months: readonly string[], counts: readonly number[], publishedMonth: string | null, label: string): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height: 220 });
  try {
    chart.setOption({
      animation: false,
      color: ['#0b4f9c'],
      textStyle: { fontFamily: 'sans-serif', fontSize: 13 },
      grid: { left: 40, right: 20, top: 20, bottom: 40 },
      xAxis: { type: 'category', data: [...months], axisLabel: { color: '#1f2328', fontSize: 12 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#1f2328' } },
      series: [
        {
          type: 'line',
          name: label,
          data: [...counts],
          label: { show: true, color: '#1f2328' },
          markLine: publishedMonth && months.includes(publishedMonth) ? { symbol: 'none', lineStyle: { color: '#a4161a' }, label: { color: '#a4161a', formatter: '公开' }, data: [{ xAxis: publishedMonth }] } : undefined,
        },
      ],
    });
    return withoutInlineStyles(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}
