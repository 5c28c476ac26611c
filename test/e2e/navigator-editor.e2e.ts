import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { Browser as HttpBrowser, testConfig } from '../helpers/app.js';
import { makeDepartment, makeUser, PASSWORD, POLICY_CARD_FIELDS } from '../helpers/factories.js';
import { creditCodeCheckChar } from '../../src/platform/identity/index.js';
import { importEnterprises } from '../../src/modules/enterprises/index.js';
import { expectAccessible } from './harness.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const code = (n: number) => {
  const first17 = `91442000MC${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};
const HEAD = '统一社会信用代码,企业名称,企业类型,经济类型,行业代码,企业规模,成立日期,注册资本（万元）,所在镇街,法定代表人,法定代表人手机,从业人数,上年营业收入（万元）,上年纳税额（万元）,研发投入占比（%）,资质称号';
const row = (n: number, name: string, ind: string, founded: string, rd: string, tags: string) => `${code(n)},${name},有限责任公司,私营,${ind},小型,${founded},100,火炬开发区,张三,13800138000,30,1000,,${rd},${tags}`;

// An editor builds "all of: 行业 C38, 成立满 2 年, any of (高新技术企业, 研发投入占比 ≥ 3%)" with JavaScript
// OFF, by pressing the editor's buttons; previews it, saves it and adds a worked example.
describe('rule editor journey in Chromium', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let username: string;
  let policyId: number;

  beforeAll(async () => {
    t = await createTestDb('sqlite');
    app = await buildApp(testConfig({ databaseUrl: 'sqlite::memory:' }), { db: t.db });
    await app.ready();
    const dept = await makeDepartment(t.db);
    username = (await makeUser(t.db, 'editor', [dept.id])).username;
    await importEnterprises(
      t.db.kysely,
      Readable.from([HEAD, row(1, '甲灯饰有限公司', 'C3872', '2019-05-01', '1', '高新技术企业'), row(2, '乙灯饰有限公司', 'C3872', '2019-05-01', '3.5', ''), row(3, '丙软件有限公司', 'I6513', '2019-05-01', '5', '')].join('\n')),
      'csv',
      { fileName: 'e2e.csv', asOf: '2026-06-30' },
    );
    const staff = new HttpBrowser(app);
    await staff.login(username, PASSWORD);
    const res = await staff.post(
      '/admin/policies/new',
      { indexNo: '11442000/2026-E2E01', title: '灯饰企业创新奖励', docNumber: '', issuingOrgan: '市工信局', departmentId: String(dept.id), theme: '工业、交通', writtenOn: '2026-01-10', validity: 'valid', category: 'normative', summary: '创新奖励', body: '第一条 为支持创新，制定本办法。', ...POLICY_CARD_FIELDS },
      '/admin/policies/new',
    );
    policyId = Number(/\/admin\/policies\/(\d+)/.exec(res.headers.location as string)![1]);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'] });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.drop();
  });

  async function checkAccessible(page: Page): Promise<void> {
    await expectAccessible(page);
  }

  const press = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).click();

  it('builds, previews and saves a rule, then adds a worked example', async () => {
    const page = await (await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' })).newPage();
    await page.goto(base + '/login');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();

    await page.goto(`${base}/admin/policies/${policyId}/rules`);
    await expect(page.locator('.rule-version').textContent()).resolves.toContain('还没有适用条件');
    await checkAccessible(page);

    await press(page, '在此组添加条件');
    await page.locator('#n-0-0-fact').selectOption('industryCode');
    await press(page, '更新表单（更换比较的数据项后点此）');
    await page.getByLabel('行业代码前缀（多个用空格分隔）').fill('C38');
    await press(page, '在此组添加条件');
    await page.locator('#n-0-1-fact').selectOption('foundedOn');
    await press(page, '更新表单（更换比较的数据项后点此）');
    await page.locator('#n-0-1-years').fill('2');
    await press(page, '在此组添加条件组');
    await page.locator('#n-0-2-kind').selectOption('any');
    await press(page, '在此组添加条件 3');
    await press(page, '在此组添加条件 3');
    await page.locator('#n-0-2-1-fact').selectOption('rdRatio');
    await press(page, '更新表单（更换比较的数据项后点此）');
    await page.locator('#n-0-2-1-value').fill('3');
    await page.getByLabel('施行日期').fill('2026-07-01');
    await checkAccessible(page);

    await press(page, '预览匹配结果');
    await expect(page.locator('#preview-title').textContent()).resolves.toContain('2026-07-01');
    const counts = await page.locator('.rule-counts dd').allTextContents();
    expect(counts).toEqual(['2', '1', '0', '0']);
    await checkAccessible(page);

    await page.getByLabel('修改说明').fill('首版');
    await press(page, '保存为新版本');
    await expect(page.locator('.rule-version').textContent()).resolves.toBe('第 1 版，自 2026-07-01 起施行');
    await expect(page.locator('.rule-plain').textContent()).resolves.toContain('满足其一：');
    await checkAccessible(page);

    await page.getByLabel('案例名称').fill('老灯饰高企');
    await page.getByLabel('判断日期').fill('2026-07-01');
    await page.getByLabel('预期结果').selectOption('met');
    await page.getByLabel('国民经济行业代码').fill('C3872');
    await page.getByLabel('成立日期').fill('2018-01-01');
    await page.getByLabel('高新技术企业').check();
    await press(page, '添加测试案例');
    await expect(page.locator('tr.example-pass').textContent()).resolves.toContain('✓ 通过');
    await checkAccessible(page);

    // Elderly mode keeps the page usable.
    await page.goto(`${base}/admin/policies/${policyId}/rules?mode=elderly`);
    await checkAccessible(page);
  });
});
