import * as echarts from 'echarts';
import { withoutInlineStyles } from '../../platform/charts.js';
import type { Locale, Translator } from '../../platform/i18n/index.js';
import type { MessageKey } from '../../platform/i18n/index.js';
import type { Statistics } from './service-catalogue.public.js';

// The statistics page's tables, built once and shown three ways: HTML tables, ECharts SVG beside
// them (the table carries every number as text) and one CSV download.

/** One table of the statistics page. */
export interface StatTable {
  id: string;
  title: string;
  header: string[];
  rows: Array<[string, ...number[]]>;
  /** The numeric column the chart draws (index into header), or undefined for no chart. */
  chartColumn?: number;
}

/** The statistics as titled tables in one language. */
export function statTables(t: Translator, locale: Locale, s: Statistics): StatTable[] {
  const k = (key: string) => t(key as MessageKey);
  const flagHeader = [k('serviceCatalogue.count'), k('serviceCatalogue.flag.enterpriseRelated'), k('serviceCatalogue.flag.noVisit'), k('serviceCatalogue.flag.instantApproval'), k('serviceCatalogue.flag.selfServiceTerminal'), k('serviceCatalogue.fully_online')];
  const flagRow = (x: { total: number; enterpriseRelated: number; noVisit: number; instantApproval: number; selfServiceTerminal: number; fullyOnline: number }) =>
    [x.total, x.enterpriseRelated, x.noVisit, x.instantApproval, x.selfServiceTerminal, x.fullyOnline] as const;
  return [
    {
      id: 'flags',
      title: k('serviceCatalogue.by_flag_heading'),
      header: ['', k('serviceCatalogue.count')],
      rows: flagHeader.map((h, i) => [h, flagRow(s.totals)[i]!] as [string, number]),
      chartColumn: 1,
    },
    {
      id: 'departments',
      title: k('serviceCatalogue.by_department_heading'),
      header: [k('serviceCatalogue.department'), ...flagHeader],
      rows: [...s.departments.map((d) => [locale === 'en' && d.nameEn ? d.nameEn : d.nameZh, ...flagRow(d)] as [string, ...number[]]), [k('serviceCatalogue.total'), ...flagRow(s.totals)]],
      chartColumn: 1,
    },
    { id: 'types', title: k('serviceCatalogue.by_type_heading'), header: [k('serviceCatalogue.field.itemType'), k('serviceCatalogue.count')], rows: s.byType.map((x) => [k(`serviceCatalogue.type.${x.key}`), x.n]), chartColumn: 1 },
    { id: 'depths', title: k('serviceCatalogue.by_online_depth'), header: [k('serviceCatalogue.field.onlineDepth'), k('serviceCatalogue.count')], rows: s.byOnlineDepth.map((x) => [k(`serviceCatalogue.depth.${x.key}`), x.n]), chartColumn: 1 },
  ];
}

const AXIS = { color: '#1f2328', fontSize: 13 };

/** A horizontal bar per row (the total row left out), as SVG safe for the portal's CSP. */
export function statChart(table: StatTable): string {
  const col = table.chartColumn ?? 1;
  const rows = table.id === 'departments' ? table.rows.slice(0, -1) : table.rows;
  const height = Math.max(160, 50 + rows.length * 28);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 720, height });
  try {
    chart.setOption({
      animation: false,
      color: ['#0b4f9c'],
      textStyle: { fontFamily: 'sans-serif', fontSize: 13 },
      grid: { left: 230, right: 60, top: 10, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1, axisLabel: AXIS },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r[0]), axisLabel: { ...AXIS, width: 220, overflow: 'truncate' } },
      series: [{ type: 'bar', name: table.header[col], data: rows.map((r) => r[col] as number), label: { show: true, position: 'right', color: '#1f2328', fontSize: 13 } }],
    });
    return withoutInlineStyles(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/** All tables as CSV rows, one after the other with their titles. */
export function statCsvRows(tables: StatTable[]): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [];
  for (const tb of tables) {
    if (out.length > 0) {
      out.push([]);
    }
    out.push([tb.title], tb.header, ...tb.rows);
  }
  return out;
}
