import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Executor } from '../../http/context.js';
import { csvField } from '../../platform/csv.js';
import * as repo from './service-catalogue.repository.js';
import { COLUMNS, columnTitle, enumLabel, type Column } from './service-catalogue.columns.js';
import { formatFaq, formatMaterials, formatSpecialSteps, formatSteps, jsonList, type Faq, type Material, type SpecialStep, type Step } from './service-catalogue.compact.js';

// Export of the catalogue (or a filter of it) as CSV or XLSX, read from the database in chunks and
// written as a stream, in the same columns the import reads, so an exported file imports again.

const CHUNK = 1000;
const yesNo = (b: number) => (b ? '是' : '否');

/** The export's rows: the header, then one row per item in id order. */
export async function* exportRows(db: Executor, f: repo.ListFilter): AsyncGenerator<string[]> {
  yield COLUMNS.map(columnTitle);
  let after = 0;
  for (;;) {
    const items = await repo.exportChunk(db, f, after, CHUNK);
    if (items.length === 0) {
      return;
    }
    after = items[items.length - 1]!.id;
    const materials = new Map<number, repo.MaterialRow[]>();
    for (const m of await repo.materialsOfItems(db, items.map((i) => i.id))) {
      materials.set(m.itemId, [...(materials.get(m.itemId) ?? []), m]);
    }
    const parents = await repo.codesByIds(db, [...new Set(items.flatMap((i) => (i.parentId === null ? [] : [i.parentId])))]);
    for (const it of items) {
      const values: Record<Column, string> = {
        code: it.code,
        parentCode: it.parentId === null ? '' : (parents.get(it.parentId) ?? ''),
        variant: enumLabel('variant', it.variant),
        name: it.name,
        itemType: enumLabel('itemType', it.itemType),
        department: it.departmentCode,
        implementingBody: it.implementingBody,
        legalBasis: it.legalBasis,
        level: enumLabel('level', it.level),
        theme: it.theme,
        audience: enumLabel('audience', it.audience),
        caseType: enumLabel('caseType', it.caseType),
        visitsNeeded: String(it.visitsNeeded),
        visitsReason: it.visitsReason,
        onlineDepth: enumLabel('onlineDepth', it.onlineDepth),
        statutoryDays: String(it.statutoryDays),
        promisedDays: String(it.promisedDays),
        conditions: it.conditions,
        materials: formatMaterials((materials.get(it.id) ?? []).map((m) => ({ ...m, form: m.form as Material['form'] }))),
        steps: formatSteps(jsonList<Step>(it.steps)),
        specialSteps: formatSpecialSteps(jsonList<SpecialStep>(it.specialSteps)),
        resultType: it.resultType,
        resultName: it.resultName,
        deliveryMethods: it.deliveryMethods,
        deliveryDays: it.deliveryDays === null ? '' : String(it.deliveryDays),
        place: it.place,
        hours: it.hours,
        enquiryPhone: it.enquiryPhone,
        complaintPhone: it.complaintPhone,
        feeCharged: yesNo(it.feeCharged),
        feeBasis: it.feeBasis,
        onlinePayment: yesNo(it.onlinePayment),
        faq: formatFaq(jsonList<Faq>(it.faq)),
        enterpriseRelated: yesNo(it.enterpriseRelated),
        noVisit: yesNo(it.noVisit),
        instantApproval: yesNo(it.instantApproval),
        selfServiceTerminal: yesNo(it.selfServiceTerminal),
        status: enumLabel('status', it.status),
      };
      yield COLUMNS.map((c) => values[c]);
    }
  }
}

/** The rows as a CSV stream (UTF-8 with BOM so Excel reads Chinese, CRLF). */
export function csvStream(rows: AsyncIterable<string[]>): Readable {
  return Readable.from(
    (async function* () {
      yield '\uFEFF';
      for await (const r of rows) {
        yield `${r.map(csvField).join(',')}\r\n`;
      }
    })(),
  );
}

/** The rows as an XLSX stream (one worksheet, written row by row). */
export function xlsxStream(rows: AsyncIterable<string[]>): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = wb.addWorksheet('事项目录');
  void (async () => {
    try {
      for await (const r of rows) {
        sheet.addRow(r).commit();
      }
      sheet.commit();
      await wb.commit();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return out;
}
