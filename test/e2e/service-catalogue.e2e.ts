import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { buildTestApp } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { loadDemoCatalogue } from '../helpers/service-catalogue.js';
import { launchChromium, expectAccessible } from './harness.js';

// The catalogue journeys in Chromium with JavaScript OFF: a visitor browses the demo catalogue,
// filters by a flag, searches and reads an item's guide; a department's editor files an item, is told
// which field breaks a consistency rule, fixes it and saves. The app holds the 21 demo departments and
// the demo catalogue only, so the journeys test this module whatever the other demos hold.
describe('service catalogue journeys in Chromium', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let editor: { username: string; password: string };

  beforeAll(async () => {
    t = await createTestDb('sqlite');
    const depts = await loadDemoCatalogue(t.db);
    app = await buildTestApp(t.db);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    editor = await makeUser(t.db, 'editor', [depts.get('amr')!]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.drop();
  });

  async function newPage(): Promise<Page> {
    const ctx = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
    return ctx.newPage();
  }

  it('a visitor browses, filters by a flag, searches and reads a guide', async () => {
    const page = await newPage();
    await page.goto(`${base}/services`);
    await expect(page.locator('#results-h').textContent()).resolves.toContain('共 655 项');
    await expectAccessible(page);

    await page.locator('#facet-flag + ul').getByRole('link', { name: '秒批' }).click();
    await expect(page.locator('#results-h').textContent()).resolves.toContain('共 12 项');
    expect(page.url()).toContain('flag=instantApproval');
    await expectAccessible(page);

    await page.goto(`${base}/services`);
    await page.getByLabel('搜索事项').fill('食品');
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page.locator('#results-h').textContent()).resolves.toContain('“食品”的搜索结果');
    await page.getByRole('link', { name: '食品经营许可', exact: true }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('食品经营许可');
    await expect(page.getByRole('link', { name: '在哪里办' }).getAttribute('href')).resolves.toMatch(/\/services\/items\/.+\/where$/);
    await expect(page.getByRole('link', { name: '在线申请' }).getAttribute('href')).resolves.toMatch(/\/apply$/);
    expect(await page.locator('table.sc-materials tbody tr').count()).toBe(5);
    await expectAccessible(page);
  });

  it('an editor is told which field breaks a rule, fixes it and saves', async () => {
    const page = await newPage();
    await page.goto(base + '/login');
    await page.getByLabel('用户名').fill(editor.username);
    await page.getByLabel('密码').fill(editor.password);
    await page.getByRole('button', { name: '登录' }).click();

    await page.goto(`${base}/admin/services/new`);
    await expectAccessible(page);
    await page.locator('#name').fill('酒类商品零售许可');
    await page.locator('#code').fill('E2E-0001');
    await page.locator('#itemType').selectOption('licensing');
    await page.locator('#implementingBody').fill('区市场监督管理局');
    await page.locator('#audience').selectOption('legal_person');
    await page.locator('#caseType').selectOption('on_the_spot');
    await page.locator('#onlineDepth').selectOption('online_submission');
    await page.locator('#statutoryDays').fill('20');
    await page.locator('#promisedDays').fill('3');
    await page.locator('#materials').fill('申请表｜原件｜1｜必要');
    await page.getByLabel('涉企事项').check();
    await page.locator('#status').selectOption('published');
    await page.getByRole('button', { name: '保存事项' }).click();

    await expect(page.locator('.error-summary').textContent()).resolves.toContain('承诺办结时限');
    await expect(page.locator('#promisedDays-error').textContent()).resolves.toContain('即办件当场办结');
    expect(await page.locator('#materials').inputValue()).toBe('申请表｜原件｜1｜必要');
    await expectAccessible(page);

    await page.locator('#promisedDays').fill('0');
    await page.getByRole('button', { name: '保存事项' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('事项已保存');
    await page.getByRole('link', { name: '查看公开页面' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('酒类商品零售许可');
    await expect(page.locator('.sc-flags').textContent()).resolves.toContain('涉企');
  });
});
