import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { TestDb } from '../helpers/db.js';
import { launchChromium, serveDemo, expectAccessible } from './harness.js';

// The consultation journeys in Chromium with JavaScript OFF, over the demo data: a visitor comments on
// an article of the draft open now; the drafting department's editor publishes and decides it; anyone
// reads the adoption report of the 57-measure draft, its printable version and the round comparison.
describe('consultation journeys in Chromium', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  const content = '建议将云服务补贴对象扩大到个体工商户，并简化申报材料。';

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

  it('a visitor finds the open draft, is told what is wrong, and comments on an article', async () => {
    const page = await newPage();
    await page.goto(`${base}/consultations`);
    await expect(page.locator('main').textContent()).resolves.toContain('剩余 24 天');
    await expectAccessible(page);
    await page.getByRole('link', { name: '光明区促进中小企业数字化转型若干措施' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('光明区促进中小企业数字化转型若干措施');
    await expectAccessible(page);
    await page.getByRole('link', { name: '对第4条提意见' }).click();
    await expect(page.locator('blockquote').textContent()).resolves.toContain('上云用云');
    await expectAccessible(page);

    await page.getByLabel(/意见内容/).fill('好');
    await page.getByLabel('联系方式（选填）').fill('12345');
    await page.getByRole('button', { name: '提交意见' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('意见内容太短');
    await expect(page.locator('#contact-error').textContent()).resolves.toContain('11 位手机号码');
    await expectAccessible(page);

    await page.getByLabel(/意见内容/).fill(content);
    await page.getByLabel('联系方式（选填）').fill('visitor@example.org');
    await page.getByLabel('姓名或称呼（选填）').fill('赵阿姨');
    await page.getByRole('button', { name: '提交意见' }).click();
    expect(page.url()).toMatch(/\/consultations\/\d+\?sent=1$/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('意见已提交');
    await expect(page.locator('main').textContent()).resolves.not.toContain(content);
    await expectAccessible(page);
    await page.getByRole('link', { name: '长辈版' }).click();
    await expect(page.locator('html').getAttribute('class')).resolves.toContain('elderly');
    await expectAccessible(page);
  });

  it("the drafting department's editor publishes the comment and decides it with a reason", async () => {
    const page = await newPage();
    await page.goto(base + '/login');
    await page.getByLabel('用户名').fill('editor');
    await page.getByLabel('密码').fill('gongkai-editor-2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.goto(`${base}/admin/consultations`);
    await expectAccessible(page);
    await page.getByRole('link', { name: '光明区促进中小企业数字化转型若干措施' }).click();
    await page.getByRole('link', { name: '第1轮' }).click();
    await expectAccessible(page);
    await page.getByRole('link', { name: /意见处理（待审核 3/ }).click();
    await expectAccessible(page);
    const row = page.locator('tr', { hasText: content });
    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: '公开所选意见' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('已公开');

    // Not adopted without a reason is refused, named beside the field.
    await page.locator('tr', { hasText: content }).getByRole('checkbox').check();
    await page.getByRole('combobox', { name: /采纳情况/ }).selectOption('not_adopted');
    await page.getByRole('button', { name: '作出决定' }).click();
    await expect(page.locator('#reason-error').textContent()).resolves.toContain('须说明理由');
    await expectAccessible(page);
    await page.locator('tr', { hasText: content }).getByRole('checkbox').check();
    await page.getByRole('combobox', { name: /采纳情况/ }).selectOption('partly');
    await page.getByLabel('理由').fill('部分采纳：个体工商户纳入诊断服务范围，补贴对象另行研究。');
    await page.getByRole('button', { name: '作出决定' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('已作出决定');
    await expect(page.locator('tr', { hasText: content }).textContent()).resolves.toContain('部分采纳');
    await expectAccessible(page);
  });

  it('anyone reads the 57-measure draft, its round comparison and a published adoption report', async () => {
    const page = await newPage();
    await page.goto(`${base}/consultations`);
    await page.getByRole('link', { name: '光明区优化营商环境若干措施' }).click();
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('第3轮征求意见稿');
    expect(main).toContain('原第');
    await expectAccessible(page);
    await page.getByRole('link', { name: '与第2轮对照' }).click();
    await expect(page.locator('main').textContent()).resolves.toContain('合并');
    await expectAccessible(page);
    await page.goBack();
    await page.getByRole('link', { name: '第1轮意见采纳情况报告' }).click();
    const report = (await page.locator('main').textContent()) ?? '';
    expect(report).toContain('光明区人大代表政协委员座谈会');
    expect(report).toContain('按条款统计');
    await expectAccessible(page);
    await page.getByRole('link', { name: '打印版' }).click();
    await expect(page.locator('.consult-print h1').textContent()).resolves.toContain('第1轮意见采纳情况报告');
  });
});
