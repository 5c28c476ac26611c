import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { fieldError } from '../../http/errors.js';

// Reading a household list (CSV or XLSX) into rows keyed by field name. Headers may be the Chinese
// column names printed on the template or the English field names; Chinese state labels are mapped.

const HEADERS: Record<string, string> = {
  户号: 'number', 姓名: 'ownerName', 被征收人: 'ownerName', 身份证号: 'idNumber', 身份证号码: 'idNumber', 楼栋: 'building', 单元: 'unit', 房号: 'room',
  面积: 'area', '建筑面积': 'area', 调查登记: 'surveyStatus', 调查说明: 'surveyNote', 确权: 'rightsStatus', 评估金额: 'valuation', 补偿方式: 'scheme',
  补偿金额: 'compensation', 补助奖励: 'subsidy', 签约状态: 'signingStatus', 签约日期: 'signedOn', 选房顺序号: 'selectionOrder', 支付状态: 'paymentStatus', 支付日期: 'paidOn',
};

const LABELS: Record<string, string> = {
  待调查: 'pending', 已登记: 'registered', 有争议: 'disputed', 待确权: 'pending', 已确权: 'confirmed',
  货币补偿: 'monetary', 产权调换: 'exchange', 未签约: 'unsigned', 已签约: 'signed', 未支付: 'unpaid', 已支付: 'paid',
};

/** The template's header row (Chinese), in field order. */
export const TEMPLATE_HEADERS = ['户号', '姓名', '身份证号', '楼栋', '单元', '房号', '面积', '调查登记', '确权', '评估金额', '补偿方式', '补偿金额', '补助奖励', '签约状态', '签约日期', '选房顺序号', '支付状态', '支付日期'];

/** A source row: its line in the file and its values by field name. */
export interface SourceRow {
  line: number;
  values: Record<string, string>;
}

function toRows(table: string[][], firstLine: number): SourceRow[] {
  const [header, ...body] = table;
  if (!header) {
    throw fieldError('file', 'expropriation.import_empty');
  }
  const fields = header.map((h) => HEADERS[h.trim()] ?? h.trim());
  return body
    .map((cells, i) => ({ line: firstLine + i + 1, cells }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''))
    .map(({ line, cells }) => {
      const values: Record<string, string> = {};
      fields.forEach((f, i) => {
        const v = (cells[i] ?? '').trim();
        values[f] = LABELS[v] ?? v;
      });
      return { line, values };
    });
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) {
    return '';
  }
  if (v instanceof Date) {
    return v.toISOString().slice(0, 10);
  }
  if (typeof v === 'object') {
    const o = v as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown };
    return o.richText ? o.richText.map((r) => r.text).join('') : cellText(o.result ?? o.text ?? '');
  }
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

/** Rows of an uploaded CSV (UTF-8, with or without BOM) or XLSX file (first worksheet). */
export async function readHouseholdFile(filename: string, content: Buffer): Promise<SourceRow[]> {
  if (/\.xlsx$/i.test(filename)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.read(Readable.from(content));
    const sheet = wb.worksheets[0];
    const table: string[][] = [];
    sheet?.eachRow({ includeEmpty: true }, (row) => {
      table.push((row.values as unknown[]).slice(1).map(cellText));
    });
    return toRows(table, 1);
  }
  if (!/\.csv$/i.test(filename)) {
    throw fieldError('file', 'expropriation.import_type');
  }
  const table = parse(content, { bom: true, relaxColumnCount: true, skipEmptyLines: false }) as string[][];
  return toRows(table, 1);
}
