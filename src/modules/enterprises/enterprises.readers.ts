// Streamed readers of registration files: each yields the header row's columns once, then rows as raw
// text by column with their line (CSV) or row (XLSX) number. Neither holds more than a row at a time.
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '../../http/errors.js';
import { mapHeader, type Column, type RawRow } from './enterprises.rows.js';

/** A row as read: its 1-based line (CSV) or row number (XLSX), and its text by column. */
export interface SourceRow {
  line: number;
  raw: RawRow;
}

/** Which column each position of the header holds; refuses a file without the credit-code column. */
function headerColumns(headers: readonly string[]): Array<Column | undefined> {
  const cols = headers.map((h) => mapHeader(h));
  if (!cols.includes('creditCode') || !cols.includes('name')) {
    throw new AppError('validation_failed', {}, [{ field: 'file', key: 'enterprises.problem.headers' }]);
  }
  return cols;
}

function toRaw(cols: Array<Column | undefined>, values: readonly string[]): RawRow {
  const raw: RawRow = {};
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i];
    if (c !== undefined && values[i] !== undefined) {
      raw[c] = values[i];
    }
  }
  return raw;
}

/** Rows of a CSV file (UTF-8, with or without BOM), read as a stream with back-pressure. */
export async function* csvRows(source: Readable): AsyncGenerator<SourceRow> {
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true });
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);
  let cols: Array<Column | undefined> | undefined;
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (!cols) {
      cols = headerColumns(item.record);
      continue;
    }
    yield { line: item.info.lines, raw: toRaw(cols, item.record) };
  }
  if (!cols) {
    throw new AppError('validation_failed', {}, [{ field: 'file', key: 'enterprises.problem.headers' }]);
  }
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A cell's value as the text a CSV would carry. */
function cellText(v: unknown, column: Column | undefined): string {
  if (v === null || v === undefined) {
    return '';
  }
  if (v instanceof Date) {
    return v.toISOString().slice(0, 10);
  }
  if (typeof v === 'number') {
    // A date column formatted as a number still holds Excel's day serial.
    if (column === 'foundedOn' && v > 0 && v < 200_000 && Number.isInteger(v)) {
      return new Date(EXCEL_EPOCH + v * 86_400_000).toISOString().slice(0, 10);
    }
    return String(v);
  }
  if (typeof v === 'string') {
    return v.trim();
  }
  if (typeof v === 'object') {
    const o = v as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown };
    if (o.richText) {
      return o.richText.map((r) => r.text).join('').trim();
    }
    if (o.result !== undefined) {
      return cellText(o.result, column);
    }
    if (o.text !== undefined) {
      return cellText(o.text, column);
    }
    // An error cell ({ error: '#N/A' }) or anything else we cannot read counts as empty.
    return '';
  }
  return typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : '';
}

/** Rows of the first worksheet of an XLSX file, read with exceljs's streaming reader. */
export async function* xlsxRows(source: Readable): AsyncGenerator<SourceRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'ignore' });
  let cols: Array<Column | undefined> | undefined;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      // row.values is 1-based: index 0 is empty.
      const values = (row.values as unknown[]).slice(1);
      if (!cols) {
        if (values.every((v) => cellText(v, undefined) === '')) {
          continue;
        }
        cols = headerColumns(values.map((v) => cellText(v, undefined)));
        continue;
      }
      const texts = cols.map((c, i) => cellText(values[i], c));
      if (texts.every((t) => t === '')) {
        continue;
      }
      yield { line: row.number, raw: toRaw(cols, texts) };
    }
    break; // only the first worksheet
  }
  if (!cols) {
    throw new AppError('validation_failed', {}, [{ field: 'file', key: 'enterprises.problem.headers' }]);
  }
}
