import { Readable } from 'node:stream';
import type { Executor } from '../../http/context.js';
import type { DemoContext } from '../../demo/demo-context.js';
import { DEMO_CREDIT_CODE } from '../../demo/demo.js';
import { todayInChina } from '../../platform/clock.js';
import { enterpriseRowsCsv, generateEnterpriseRows, type GeneratedRow } from './enterprises.generate.js';
import { importEnterprises } from './enterprises.import.js';

/** How many generated enterprises the demo holds, and the seed that makes them the same every time. */
export const DEMO_ENTERPRISE_COUNT = 3000;
export const DEMO_ENTERPRISE_SEED = 20261129;

/** The demo enterprise account's own enterprise (a function: demo.ts imports this file, so its constant is read late). */
export const demoEnterpriseRow = (): GeneratedRow => ({
  creditCode: DEMO_CREDIT_CODE,
  name: '中山市示范科技有限公司',
  enterpriseType: '有限责任公司',
  ownership: '私营',
  industryCode: 'I6513',
  size: '小型',
  foundedOn: '2021-03-15',
  registeredCapital: '200',
  town: '中山港街道(火炬开发区)',
  legalRepresentative: '陈志明',
  legalMobile: '13800138000',
  employees: '35',
  revenue: '1800',
  taxPaid: '65',
  rdRatio: '3.2',
  tags: '科技型中小企业',
});

function* demoRows(): Generator<GeneratedRow> {
  yield demoEnterpriseRow();
  yield* generateEnterpriseRows(DEMO_ENTERPRISE_COUNT, DEMO_ENTERPRISE_SEED);
}

/** Loads this module's demo data through the import (inside the demo loader's transaction). */
export async function loadEnterprisesDemo(trx: Executor, ctx: DemoContext): Promise<void> {
  await importEnterprises(trx, Readable.from(enterpriseRowsCsv(demoRows())), 'csv', { fileName: 'demo-enterprises.csv', asOf: todayInChina(), actor: ctx.actor });
}
