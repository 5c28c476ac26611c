import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { TestDb } from '../helpers/db.js';
import { DEMO_USERS } from '../../src/demo/demo-data.js';
import { creditCodeCheckChar } from '../../src/platform/identity/index.js';
import { launchChromium, serveDemo, expectAccessible } from './harness.js';

const password = (u: string) => DEMO_USERS.find((x) => x.username === u)!.password;
const code = (first17: string) => first17 + creditCodeCheckChar(first17);

// The enterprise directory's journeys with JavaScript OFF: the admin uploads a small file and reads
// the report; the demo enterprise opens its profile and corrects its employee count.
describe('enterprise directory journeys in Chromium', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ({ t, app, base } = await serveDemo());
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.drop();
  });

  async function signedIn(username: string): Promise<Page> {
    const ctx = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await page.goto(base + '/login');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password(username));
    await page.getByRole('button', { name: '登录' }).click();
    return page;
  }

  async function checkAccessible(page: Page): Promise<void> {
    await expectAccessible(page);
  }

  it('the admin finds the directory, uploads a small CSV and reads the report', async () => {
    const page = await signedIn('admin');
    await page.goto(base + '/admin');
    await page.getByRole('link', { name: '企业名录', exact: true }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('企业名录');
    await expect(page.locator('.meta').textContent()).resolves.toContain('共 3001 家企业');
    await checkAccessible(page);

    await page.getByLabel('搜索企业').fill('示范科技');
    await page.getByRole('button', { name: '筛选' }).click();
    await expect(page.locator('.meta').textContent()).resolves.toContain('共 1 家企业');
    await page.getByRole('link', { name: '中山市示范科技有限公司' }).click();
    await expect(page.locator('main').textContent()).resolves.toContain('科技型中小企业');
    await checkAccessible(page);

    await page.goto(base + '/admin/enterprises/import');
    await checkAccessible(page);
    const csv = [
      '统一社会信用代码,企业名称,企业类型,行业代码,成立日期,所在镇街,从业人数,上年营业收入（万元）',
      `${code('91442000MD0000001')},中山市浏览器灯饰有限公司,有限责任公司,C3872,2020-04-01,古镇镇,15,600`,
      `${code('91442000MD0000002')},中山市坏行业代码有限公司,有限责任公司,C99,2020-04-01,古镇镇,15,600`,
    ].join('\n');
    await page.getByLabel(/数据文件/).setInputFiles({ name: '小文件.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: '开始导入' }).click();
    await expect(page.locator('main').textContent()).resolves.toContain('新增 1 家，更新 0 家，未变化 0 家，拒绝 1 行。');
    await expect(page.locator('.refused-rows').textContent()).resolves.toContain('行业代码的大类不属于该门类');
    await checkAccessible(page);

    await page.getByRole('link', { name: '导入记录' }).first().click();
    await expect(page.locator('main').textContent()).resolves.toContain('小文件.csv');
    await checkAccessible(page);
  });

  it('the demo enterprise opens its profile and corrects its employee count', async () => {
    const page = await signedIn('enterprise');
    await page.goto(base + '/enterprise/profile');
    await expect(page.locator('h1').textContent()).resolves.toContain('中山市示范科技有限公司');
    await expect(page.locator('tr[data-fact="employees"]').textContent()).resolves.toContain('35 人商事登记');
    await checkAccessible(page);

    await page.getByLabel(/^从业人数/).fill('很多');
    await page.getByRole('button', { name: '提交申报' }).click();
    await expect(page.locator('#employees-error').textContent()).resolves.toBeTruthy();
    await checkAccessible(page);

    await page.getByLabel(/^从业人数/).fill('42');
    await page.getByRole('button', { name: '提交申报' }).click();
    await expect(page.locator('[role=status]').first().textContent()).resolves.toContain('已保存您的申报。');
    const row = await page.locator('tr[data-fact="employees"]').textContent();
    expect(row).toContain('42 人');
    expect(row).toContain('企业自行申报');
    await checkAccessible(page);
  });
});
