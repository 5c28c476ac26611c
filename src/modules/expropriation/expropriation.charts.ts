import * as echarts from 'echarts';
import { withoutInlineStyles } from '../../platform/charts.js';
import { locatorSvg } from '../../platform/map.js';
import type { ProjectRow } from './expropriation.repository.js';

// Progress charts (ECharts rendered to SVG on the server, each beside a table that carries every
// number as text) and the project locator, drawn by the shared locator (platform/map.ts).

const PALETTE = ['#0b4f9c', '#1e6b34', '#8a5a00', '#a4161a'];
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

/** Cumulative signings by day, as a line. */
export function signedByDayChart(byDay: Array<{ day: string; n: number }>, title: string): string {
  let run = 0;
  const cumulative = byDay.map((d) => (run += d.n));
  return render(
    {
      title: { text: title, left: 0, textStyle: { ...AXIS, fontSize: 14 } },
      grid: { left: 60, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: byDay.map((d) => d.day.slice(5)), axisLabel: AXIS },
      yAxis: { type: 'value', minInterval: 1, axisLabel: AXIS },
      series: [{ type: 'line', name: title, data: cumulative, showSymbol: false }],
    },
    720,
    280,
  );
}

/** Signed and unsigned households per building, stacked bars. */
export function buildingChart(rows: Array<{ building: string; total: number; signed: number }>, labels: { signed: string; unsigned: string }): string {
  const height = Math.max(180, 80 + rows.length * 24);
  return render(
    {
      legend: { top: 0, textStyle: AXIS },
      grid: { left: 90, right: 30, top: 36, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1, axisLabel: AXIS },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.building), axisLabel: AXIS },
      series: [
        { type: 'bar', stack: 'all', name: labels.signed, data: rows.map((r) => r.signed) },
        { type: 'bar', stack: 'all', name: labels.unsigned, data: rows.map((r) => r.total - r.signed), itemStyle: { color: '#8a5a00' } },
      ],
    },
    720,
    height,
  );
}

/** A share chart (scheme split, payments) as a ring with labelled parts. */
export function shareChart(parts: Array<{ name: string; value: number }>): string {
  return render(
    { series: [{ type: 'pie', radius: ['40%', '70%'], data: parts, label: { color: '#1f2328', fontSize: 13, formatter: '{b}: {c}' } }] },
    360,
    240,
  );
}

/** The locator of a project among the others that have a centre (the shared locator). */
export function projectLocator(projects: ProjectRow[], currentId: number, title: string): string | null {
  const dots = projects.filter((p) => p.centreLat !== null && p.centreLng !== null).map((p) => ({ id: p.id, lat: p.centreLat!, lng: p.centreLng!, label: p.name }));
  return dots.some((d) => d.id === currentId) ? locatorSvg(dots, currentId, title) : null;
}
