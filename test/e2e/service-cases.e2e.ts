import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { TestDb } from '../helpers/db.js';
import { makeServiceItem } from '../helpers/service-items.js';
import { launchChromium, serveDemo, expectAccessible } from './harness.js';

// One-window journeys in Chromium with JavaScript OFF: a citizen applies online, is told what is
// missing, follows the case; window staff accept it, the back office decides, the window delivers;
// the citizen rates the service. The item is made here in the demo editor's department (the window
// department, so the editor works both the window and the back office).
describe('one-window case journeys in Chromium', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let item: { id: number; code: string };
  let caseUrl = '';

  beforeAll(async () => {
    ({ t, app, base } = await serveDemo());
    browser = await launchChromium();
    const dept = await t.db.kysely.selectFrom('department').select('id').where('code', '=', 'service-data').executeTakeFirstOrThrow();
    item = await makeServiceItem(t.db, dept.id, { name: '浏览器测试事项：户外广告设置许可', audience: 'both', promisedDays: 5 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.drop();
  });

  async function signedIn(username: string, password: string): Promise<Page> {
    const page = await (await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' })).newPage();
    await page.goto(base + '/login');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    return page;
  }

  it('a citizen is asked to sign in, applies, is told what is missing, and follows the case', async () => {
    const anon = await (await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' })).newPage();
    await anon.goto(`${base}/services/items/${item.code}/apply`);
    await expect(anon.locator('main').textContent()).resolves.toContain('在线申请需要先以个人或企业账号登录');
    await expectAccessible(anon);

    const page = await signedIn('citizen', 'gongkai-citizen-2026');
    await page.goto(`${base}/services/items/${item.code}/apply`);
    await expectAccessible(page);
    await page.getByLabel(/^申请人/).fill('张市民');
    // Blank to the server (spaces pass the browser's required check): refused, named beside the field.
    await page.getByLabel(/联系电话/).fill('   ');
    await page.getByRole('button', { name: '提交申请' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('联系电话');
    await expectAccessible(page);
    await page.getByLabel(/联系电话/).fill('13800138000');
    await page.getByRole('button', { name: '提交申请' }).click();
    await expect(page.locator('.notice').first().textContent()).resolves.toContain('申请已提交');
    caseUrl = new URL(page.url()).pathname;
    await expectAccessible(page);
    await page.goto(`${base}/my/cases`);
    await expect(page.locator('main').textContent()).resolves.toContain(caseUrl.split('/').pop()!);
    await expectAccessible(page);
  });

  it('window staff accept, the back office approves, the window delivers', async () => {
    const number = caseUrl.split('/').pop()!;
    const page = await signedIn('editor', 'gongkai-editor-2026');
    await page.goto(`${base}/admin/services/cases?queue=to_accept`);
    await expectAccessible(page);
    await page.getByRole('link', { name: number }).click();
    await expectAccessible(page);
    const stepButton = (name: string) => page.getByRole('button', { name, exact: true });
    await stepButton('受理').click();
    await expect(page.locator('.notice').first().textContent()).resolves.toContain('受理');
    await stepButton('开始审查').click();
    await page.locator(`form[action$="/step/approve"] input[name="result"]`).fill('户外广告设置许可决定书');
    await stepButton('准予许可').click();
    await stepButton('制证待出件').click();
    await page.locator('form[action$="/step/deliver"] select[name="deliveryMethod"]').selectOption('online');
    await stepButton('出件').click();
    await expect(page.locator('dl.facts').first().textContent()).resolves.toContain('已办结');
    await expectAccessible(page);
    await page.goto(`${base}/admin/services/ratings?list=bad`);
    await expectAccessible(page);
  });

  it('the citizen sees the result and rates the service', async () => {
    const page = await signedIn('citizen', 'gongkai-citizen-2026');
    await page.goto(base + caseUrl);
    await expect(page.locator('main').textContent()).resolves.toContain('户外广告设置许可决定书');
    await page.getByLabel(/评价等级/).selectOption('5');
    await page.getByLabel('评价意见').fill('全程网办，很方便');
    await page.getByRole('button', { name: '提交评价' }).click();
    await expect(page.locator('main').textContent()).resolves.toContain('感谢您的评价');
    await expectAccessible(page);
    await page.goto(`${base}/services/ratings`);
    await expect(page.locator('h1').textContent()).resolves.toContain('好差评');
    await expectAccessible(page);
  });
});
