import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '../../http/errors.js';
import { serviceCatalogueZh } from './service-catalogue.messages.js';
import { AUDIENCES, CASE_TYPES, FLAGS, ITEM_TYPES, LEVELS, ONLINE_DEPTHS, STATUSES, VARIANTS } from './service-catalogue.rules.js';

// The columns of an import/export file: the header row names them in Chinese (as the export writes
// them) or by their English key; enumerations are written as their Chinese labels and read either way.

export const COLUMNS = [
  'code', 'parentCode', 'variant', 'name', 'itemType', 'department', 'implementingBody', 'legalBasis', 'level', 'theme', 'audience', 'caseType',
  'visitsNeeded', 'visitsReason', 'onlineDepth', 'statutoryDays', 'promisedDays', 'conditions', 'materials', 'steps', 'specialSteps',
  'resultType', 'resultName', 'deliveryMethods', 'deliveryDays', 'place', 'hours', 'enquiryPhone', 'complaintPhone',
  'feeCharged', 'feeBasis', 'onlinePayment', 'faq', ...FLAGS, 'status',
] as const;
export type Column = (typeof COLUMNS)[number];
export type RawRow = Partial<Record<Column, string>>;

const zh = serviceCatalogueZh as Record<string, string>;
/** The Chinese header of a column. */
export function columnTitle(c: Column): string {
  return zh[`serviceCatalogue.field.${c === 'department' ? 'departmentId' : c}`] ?? c;
}

const BY_TITLE = new Map<string, Column>(COLUMNS.flatMap((c) => [[c.toLowerCase(), c] as [string, Column], [columnTitle(c), c] as [string, Column]]));

/** The enumerated columns and the prefix of their labels. */
export const ENUMS: Partial<Record<Column, { prefix: string; values: readonly string[] }>> = {
  variant: { prefix: 'variant', values: VARIANTS },
  itemType: { prefix: 'type', values: ITEM_TYPES },
  level: { prefix: 'level', values: LEVELS },
  audience: { prefix: 'audience', values: AUDIENCES },
  caseType: { prefix: 'case', values: CASE_TYPES },
  onlineDepth: { prefix: 'depth', values: ONLINE_DEPTHS },
  status: { prefix: 'status', values: STATUSES },
};

/** An enumerated cell as its code: the Chinese label or the code itself (anything else is passed on for the schema to refuse). */
export function enumCode(column: Column, text: string): string {
  const e = ENUMS[column];
  if (!e) {
    return text;
  }
  const found = e.values.find((v) => v === text || zh[`serviceCatalogue.${e.prefix}.${v}`] === text);
  return found ?? text;
}

/** An enumerated value as its Chinese label. */
export function enumLabel(column: Column, code: string): string {
  const e = ENUMS[column];
  return e && code !== '' ? (zh[`serviceCatalogue.${e.prefix}.${code}`] ?? code) : code;
}

/** A sheet row as read: its row number in the file, and its text by column. */
export interface SourceRow {
  row: number;
  raw: RawRow;
}

function headerColumns(headers: readonly string[]): Array<Column | undefined> {
  const cols = headers.map((h) => BY_TITLE.get(h.trim()) ?? BY_TITLE.get(h.trim().toLowerCase()));
  if (!cols.includes('code') || !cols.includes('name') || !cols.includes('department')) {
    throw new AppError('validation_failed', {}, [{ field: 'file', key: 'serviceCatalogue.problem.headers' }]);
  }
  return cols;
}

function toRaw(cols: Array<Column | undefined>, values: readonly string[]): RawRow {
  const raw: RawRow = {};
  cols.forEach((c, i) => {
    if (c !== undefined && values[i] !== undefined) {
      // The CSV writer defuses a leading = + - @ with an apostrophe; take it off again.
      raw[c] = values[i].replace(/^'(?=[=+\-@])/, '');
    }
  });
  return raw;
}

/** Rows of a CSV file (UTF-8, with or without BOM), streamed. */
export async function* csvRows(source: Readable): AsyncGenerator<SourceRow> {
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true });
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);
  let cols: Array<Column | undefined> | undefined;
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { records: number } }>) {
    if (!cols) {
      cols = headerColumns(item.record);
      continue;
    }
    // The record's number counts the header as row 1, as a spreadsheet shows it (a cell may span lines).
    yield { row: item.info.records, raw: toRaw(cols, item.record) };
  }
  if (!cols) {
    throw new AppError('validation_failed', {}, [{ field: 'file', key: 'serviceCatalogue.problem.headers' }]);
  }
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) {
    return '';
  }
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
    return String(v).trim();
  }
  if (v instanceof Date) {
    return v.toISOString().slice(0, 10);
  }
  const o = v as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown };
  if (o.richText) {
    return o.richText.map((r) => r.text).join('').trim();
  }
  return o.result !== undefined ? cellText(o.result) : o.text !== undefined ? cellText(o.text) : '';
}

/** Rows of the first worksheet of an XLSX file, with exceljs's streaming reader. */
export async function* xlsxRows(source: Readable): AsyncGenerator<SourceRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
  let cols: Array<Column | undefined> | undefined;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = (row.values as unknown[]).slice(1).map(cellText);
      if (values.every((v) => v === '')) {
        continue;
      }
      if (!cols) {
        cols = headerColumns(values);
        continue;
      }
      yield { row: row.number, raw: toRaw(cols, values) };
    }
    break; // only the first worksheet
  }
  if (!cols) {
    throw new AppError('validation_failed', {}, [{ field: 'file', key: 'serviceCatalogue.problem.headers' }]);
  }
}
