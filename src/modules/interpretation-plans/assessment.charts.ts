import * as echarts from 'echarts';
import type { Translator } from '../../platform/i18n/index.js';
import type { DepartmentScore } from './assessment.service.js';
import { withoutInlineStyles } from '../../platform/charts.js';

// Colours with ≥ 4.5:1 contrast on white, told apart by the legend and the table as well as by hue.
const COLOURS = { with_policy: '#1b5e20', in_time: '#2e7d32', late: '#b45309', missing: '#b71c1c', pending: '#455a64' } as const;


function render(option: echarts.EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: 'sans-serif', fontSize: 14 }, ...option });
    return withoutInlineStyles(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/** A stacked bar per department: with the policy, in time, late, missing, pending. */
export function verdictChart(rows: DepartmentScore[], t: Translator): string {
  const keys = ['with_policy', 'in_time', 'late', 'missing', 'pending'] as const;
  const height = Math.max(220, 80 + rows.length * 36);
  return render(
    {
      legend: { top: 0, textStyle: { color: '#1f2328', fontSize: 14 } },
      grid: { left: 180, right: 30, top: 40, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#1f2328', fontSize: 14 } },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.department), axisLabel: { color: '#1f2328', fontSize: 14, width: 170, overflow: 'truncate' } },
      series: keys.map((k) => ({ name: t(`assessment.verdict.${k}`), type: 'bar', stack: 'all', itemStyle: { color: COLOURS[k] }, data: rows.map((r) => r[k]) })),
    },
    720,
    height,
  );
}

/** The score ranking, best first. */
export function scoreChart(rows: DepartmentScore[], t: Translator): string {
  const scored = rows.filter((r) => r.score !== null);
  const height = Math.max(200, 60 + scored.length * 32);
  return render(
    {
      grid: { left: 180, right: 60, top: 20, bottom: 30 },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { color: '#1f2328', fontSize: 14 } },
      yAxis: { type: 'category', inverse: true, data: scored.map((r) => r.department), axisLabel: { color: '#1f2328', fontSize: 14, width: 170, overflow: 'truncate' } },
      series: [{ name: t('assessment.score'), type: 'bar', itemStyle: { color: '#0b5394' }, label: { show: true, position: 'right', color: '#1f2328', fontSize: 14 }, data: scored.map((r) => r.score) }],
    },
    720,
    height,
  );
}
