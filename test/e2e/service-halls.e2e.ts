import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { TestDb } from '../helpers/db.js';
import { launchChromium, serveDemo, expectAccessible } from './harness.js';

// Service halls in Chromium with JavaScript OFF: from an item to "where can I do this?" to a hall page
// and the terminals; then 政务服务数据管理局 staff add a window (a taken number is refused) and assign a
// department's items to it.
describe('service-hall journeys in Chromium', () => {
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

  async function newPage(): Promise<Page> {
    const ctx = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
    return ctx.newPage();
  }

  /** A published item that windows of at least two halls accept. */
  async function itemAtSeveralHalls(): Promise<{ code: string; name: string; halls: number }> {
    const rows = await t.db.kysely
      .selectFrom('serviceWindowItem as wi')
      .innerJoin('serviceWindow as w', 'w.id', 'wi.windowId')
      .innerJoin('serviceItem as i', 'i.id', 'wi.itemId')
      .select(['i.code', 'i.name', (eb) => eb.fn.count<number>('w.hallId').distinct().as('halls')])
      .where('i.status', '=', 'published')
      .where('i.noVisit', '=', 0)
      .where('i.onlineDepth', '!=', 'fully_online')
      .groupBy(['i.code', 'i.name'])
      .orderBy('halls', 'desc')
      .orderBy('i.code')
      .limit(1)
      .executeTakeFirstOrThrow();
    return { code: rows.code, name: rows.name, halls: Number(rows.halls) };
  }

  it('goes from an item to where it can be done, to a hall page, to the terminals', async () => {
    const item = await itemAtSeveralHalls();
    expect(item.halls).toBeGreaterThan(1);
    const page = await newPage();
    await page.goto(`${base}/services/items/${encodeURIComponent(item.code)}`);
    await page.locator(`a[href="/services/items/${encodeURIComponent(item.code)}/where"]`).first().click();
    await expect(page.locator('h1').textContent()).resolves.toBe(`在哪里办：${item.name}`);
    await expect(page.locator('#shown').textContent()).resolves.toContain(`${item.halls} 个大厅`);
    await expect(page.getByRole('img').count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page);

    const hallLink = page.locator('article.card h3 a').first();
    const hallName = (await hallLink.textContent()) ?? '';
    await hallLink.click();
    await expect(page.locator('h1').textContent()).resolves.toBe(hallName);
    await expect(page.locator('main').textContent()).resolves.toContain('办公时间');
    await expect(page.locator('main').textContent()).resolves.toContain(item.name);
    await expectAccessible(page);
    await page.getByRole('link', { name: '长辈版' }).click();
    await expectAccessible(page);
    await page.getByRole('link', { name: '标准版' }).click();

    await page.goto(`${base}/services/halls`);
    await expect(page.locator('#shown').textContent()).resolves.toContain('显示 38 个大厅（共 38 个）');
    await page.getByLabel('层级', { exact: true }).selectOption('community');
    await page.getByLabel('街道', { exact: true }).selectOption('新湖');
    await page.getByRole('button', { name: '筛选' }).click();
    await expect(page.locator('#shown').textContent()).resolves.toContain('显示 3 个大厅');
    await expectAccessible(page);
    await page.getByRole('link', { name: '查看24小时自助终端' }).click();
    await expect(page.locator('#shown').textContent()).resolves.toContain('共 40 台自助终端');
    await expectAccessible(page);
  });

  it('lets 政务服务数据管理局 staff add a window and assign a department’s items', async () => {
    const page = await newPage();
    await page.goto(base + '/login');
    await page.getByLabel(/用户名/).fill('editor');
    await page.getByLabel(/密码/).fill('gongkai-editor-2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.goto(base + '/admin/services/halls');
    await expectAccessible(page);
    await page.getByRole('link', { name: '楼村社区党群服务中心政务服务站' }).click();
    await expect(page.locator('main').textContent()).resolves.toContain('服务窗口（3 个）');
    await expectAccessible(page);
    await page.getByRole('link', { name: '新增窗口' }).click();
    await page.getByLabel(/窗口号/).fill('1');
    await page.getByLabel(/窗口名称/).fill('企业开办专窗');
    await page.getByLabel(/窗口类型/).selectOption('specialised');
    await page.getByRole('button', { name: '新增窗口' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('窗口号: 本大厅已有该窗口号');
    await expectAccessible(page);
    await page.getByLabel(/窗口号/).fill('4');
    await page.getByRole('button', { name: '新增窗口' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('窗口已新增');
    await expect(page.locator('h1').textContent()).resolves.toBe('4 号窗口 企业开办专窗');
    await expectAccessible(page);
    await page.getByLabel('进驻部门', { exact: true }).first().selectOption({ label: '市市场监督管理局' });
    await page.getByRole('button', { name: '添加该部门全部已发布事项' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toMatch(/已添加 \d+ 项事项/);
    await expect(page.locator('input[name="itemIds"]:checked').count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page);
  });
});
