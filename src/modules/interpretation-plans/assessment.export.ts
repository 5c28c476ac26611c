import ExcelJS from 'exceljs';
import type { Translator } from '../../platform/i18n/index.js';
import type { Assessment } from './assessment.service.js';
import { toCsv } from '../../platform/csv.js';

type Cell = string | number | null;

/** The assessment as tables (title, header, rows): the same tables the page, the CSV and the XLSX show. */
export function assessmentTables(a: Assessment, t: Translator): Array<{ title: string; header: string[]; rows: Cell[][] }> {
  const verdict = (v: string) => t(`assessment.verdict.${v}` as 'assessment.verdict.late');
  const policyHeader = [t('assessment.department'), t('assessment.index_no'), t('assessment.policy'), t('assessment.doc_number'), t('assessment.published_on'), t('assessment.first_interpretation'), t('assessment.deadline'), t('assessment.verdict'), t('assessment.late_by')];
  const policyRow = (p: Assessment['policies'][number]): Cell[] => [p.department, p.indexNo, p.title, p.docNumber, p.publishedOn, p.firstInterpretationOn, p.deadline, verdict(p.verdict), p.verdict === 'late' ? p.lateBy : null];
  return [
    {
      title: t('assessment.by_department'),
      header: [t('assessment.department'), t('assessment.policies'), verdict('with_policy'), verdict('in_time'), verdict('late'), verdict('missing'), verdict('pending'), t('assessment.score')],
      rows: [...a.departments, { ...a.totals, department: t('assessment.total') }].map((d) => [d.department, d.total, d.with_policy, d.in_time, d.late, d.missing, d.pending, d.score]),
    },
    { title: t('assessment.late_list'), header: policyHeader, rows: a.policies.filter((p) => p.verdict === 'late').map(policyRow) },
    { title: t('assessment.missing_list'), header: policyHeader, rows: a.policies.filter((p) => p.verdict === 'missing').map(policyRow) },
    { title: t('assessment.all_policies'), header: policyHeader, rows: a.policies.map(policyRow) },
  ];
}

/** CSV (UTF-8 with BOM): a period line, then each table after a blank line. */
export function assessmentCsv(a: Assessment, t: Translator): string {
  const rows: Cell[][] = [[t('assessment.period'), a.from, a.to, t('assessment.allowed_days'), a.allowed]];
  for (const table of assessmentTables(a, t)) {
    rows.push([], [table.title], table.header, ...table.rows);
  }
  return toCsv(rows);
}

/** XLSX: one sheet per table, bold header row. */
export async function assessmentXlsx(a: Assessment, t: Translator): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(a.generatedAt);
  for (const table of assessmentTables(a, t)) {
    // Sheet names: at most 31 characters, none of []:*?/\.
    const ws = wb.addWorksheet(table.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
    ws.addRow(table.header).font = { bold: true };
    for (const r of table.rows) {
      ws.addRow(r);
    }
    ws.columns.forEach((c) => {
      c.width = 16;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
