import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { TestDb } from '../helpers/db.js';
import { DEMO_USERS } from '../../src/demo/demo-data.js';
import { launchChromium, serveDemo, expectAccessible } from './harness.js';

const password = (u: string) => DEMO_USERS.find((x) => x.username === u)!.password;

// The navigator's journeys with JavaScript OFF, on the demo data: the demo enterprise reads its
// policies — qualified, one condition away, how to apply — and a visitor uses the calculator.
describe('navigator journeys in Chromium', () => {
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

  async function checkAccessible(page: Page): Promise<void> {
    await expectAccessible(page);
  }

  it('the demo enterprise sees what it qualifies for, what is one condition away, and how to apply', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await page.goto(base + '/login');
    await page.getByLabel('用户名').fill('enterprise');
    await page.getByLabel('密码').fill(password('enterprise'));
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '惠企政策' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('我的惠企政策');
    const met = page.locator('section.my-met');
    expect(await met.getByRole('link', { name: '中山市知识产权资助和奖励办法' }).count()).toBe(1);
    // How to apply: the window, the estimate and the materials of the guide.
    const ip = met.locator('li.card', { hasText: '知识产权资助' });
    expect(await ip.locator('.guide-support').textContent()).toContain('5 万元');
    expect(await ip.getByText('营业执照复印件').count()).toBe(1);
    const near = page.locator('section.my-near');
    // Near misses an enterprise can act on (its R&D spending) come before ones it cannot (its industry).
    expect(await near.locator('.near-summary').first().textContent()).toContain('研发投入占营业收入比例 3.2%，需 ≥ 4%（还差 0.8 个百分点）');
    expect(await near.locator('li.card', { hasText: '旧厂房改造' }).locator('.near-summary').textContent()).toContain('所属行业代码以 C 开头');
    // The reasons open without JavaScript (a details element) and mark the decisive condition.
    await near.getByText('逐条查看符合与不符合的理由').first().click();
    expect(await near.locator('.reason-decisive').first().isVisible()).toBe(true);
    await checkAccessible(page);
    await page.goto(base + '/navigator?mode=elderly');
    await checkAccessible(page);
    await ctx.close();
  });

  it('a visitor answers a few questions in the calculator and sees the policies that fit', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await page.goto(base + '/navigator');
    expect(new URL(page.url()).pathname).toBe('/navigator/calculator');
    await checkAccessible(page);
    await page.getByLabel('行业代码').fill('I6513');
    await page.getByLabel('成立日期').fill('2021-03-15');
    await page.getByLabel('从业人数（人）').fill('35');
    await page.getByLabel('上年营业收入（万元）').fill('1800');
    await page.getByLabel('研发投入占营业收入比例（%）').fill('3.2');
    await page.getByLabel('科技型中小企业').check();
    await page.getByRole('button', { name: '查看适合的政策' }).click();
    const results = page.locator('#calc-results-h');
    expect(await results.textContent()).toMatch(/可能适用的政策（\d+ 项）/);
    expect(await page.getByRole('link', { name: '中山市知识产权资助和奖励办法' }).count()).toBe(1);
    expect(await page.getByText('还差 0.8 个百分点').count()).toBeGreaterThan(0);
    // The answers stay in the form (a GET form: the result page can be bookmarked).
    expect(await page.getByLabel('行业代码').inputValue()).toBe('I6513');
    await checkAccessible(page);
    await page.getByLabel('行业代码').fill('X1');
    await page.getByRole('button', { name: '查看适合的政策' }).click();
    expect(await page.locator('#industryCode-error').textContent()).toContain('行业代码应为门类字母');
    await ctx.close();
  });
});
