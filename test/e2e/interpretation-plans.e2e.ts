import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { TestDb } from '../helpers/db.js';
import { DEMO_USERS } from '../../src/demo/demo-data.js';
import { launchChromium, serveDemo, expectAccessible } from './harness.js';

const password = (u: string) => DEMO_USERS.find((x) => x.username === u)!.password;

// The general office reads the assessment; a department editor files a plan entry. JavaScript OFF.
describe('interpretation plans and assessment in Chromium', () => {
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

  it('the general office opens the assessment, changes the period and sees the charts and tables', async () => {
    const page = await signedIn('admin');
    await page.goto(base + '/admin/assessment');
    await expect(page.locator('h1').textContent()).resolves.toBe('政策解读考核');
    await checkAccessible(page);
    await page.getByLabel('开始日期').fill('2019-01-01');
    await page.getByLabel('结束日期').fill('2019-12-31');
    await page.getByRole('button', { name: '查看' }).click();
    expect(page.url()).toContain('from=2019-01-01');
    await expect(page.locator('.report-meta').textContent()).resolves.toContain('2019-01-01 – 2019-12-31');
    const chart = page.getByRole('img', { name: /各部门解读情况/ });
    await expect(chart.count()).resolves.toBe(1);
    await expect(chart.locator('svg').count()).resolves.toBe(1);
    await expect(page.getByRole('img', { name: /各部门得分排名/ }).count()).resolves.toBe(1);
    await expect(page.locator('#by-dept ~ table th[scope="row"]').count()).resolves.toBeGreaterThan(1);
    await checkAccessible(page);
    // The export links carry the same period.
    expect(await page.getByRole('link', { name: '导出 Excel' }).getAttribute('href')).toContain('from=2019-01-01');
    // The timetable of 2019 lists the 旧厂房改造 plan.
    await page.goto(base + '/admin/interpretation-plans?year=2019');
    await expect(page.getByRole('link', { name: /旧厂房改造/ }).count()).resolves.toBe(1);
    await checkAccessible(page);
  });

  it('a department editor files a plan entry', async () => {
    const page = await signedIn('editor');
    await page.goto(base + '/admin/interpretation-plans');
    await page.getByRole('link', { name: '新增解读计划' }).click();
    await checkAccessible(page);
    await page.getByRole('combobox', { name: /^部门/ }).selectOption({ label: '市政务服务数据管理局' });
    await page.getByLabel('计划名称（政策尚未起草时）').fill('中山市政务数据共享管理办法');
    await page.getByLabel('预计发布日期').fill('2026-12-28');
    await page.getByLabel('解读人姓名').fill('郑华');
    await page.getByLabel('解读人职务').fill('');
    await page.getByRole('checkbox', { name: '问答' }).check();
    await page.getByRole('checkbox', { name: '政务新媒体' }).check();
    await page.getByRole('button', { name: '保存' }).click();
    // The missing post is reported beside its field, the rest kept.
    await expect(page.locator('#interpreterPost-error').count()).resolves.toBe(1);
    expect(await page.getByLabel('解读人姓名').inputValue()).toBe('郑华');
    await checkAccessible(page);
    await page.getByLabel('解读人职务').fill('局长');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('中山市政务数据共享管理办法');
    await page.getByRole('button', { name: '报市府办备案' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('已报市府办备案');
    await checkAccessible(page);
    await page.goto(base + '/admin/interpretation-plans?year=2026');
    await expect(page.getByRole('link', { name: '中山市政务数据共享管理办法' }).count()).resolves.toBe(1);
  });
});
