import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { TestDb } from '../helpers/db.js';
import { DEMO_USERS } from '../../src/demo/demo-data.js';
import { launchChromium, serveDemo, expectAccessible } from './harness.js';

const password = (u: string) => DEMO_USERS.find((x) => x.username === u)!.password;

// A reader's journey with JavaScript OFF: policy → its interpretation → "helpful?" → the survey;
// then the general office reads the results.
describe('interpretation journeys in Chromium', () => {
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

  async function checkAccessible(page: Page): Promise<void> {
    await expectAccessible(page);
  }

  it('a reader opens a policy’s interpretation, rates it helpful and fills in the survey', async () => {
    const page = await newPage();
    await page.goto(base + '/policies?q=' + encodeURIComponent('旧厂房改造'));
    await page.getByRole('link', { name: /深入推进旧厂房改造促进高质量发展的实施意见/ }).first().click();
    await expect(page.locator('#policy-interpretations-h').textContent()).resolves.toBe('政策解读');
    await checkAccessible(page);
    await page.getByRole('link', { name: '“工改工”新政策问答' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('“工改工”新政策问答');
    await expect(page.locator('.qa-list dt').count()).resolves.toBe(5);
    await expect(page.locator('main').textContent()).resolves.toContain('陈志远（市住房和城乡建设局副局长）');
    await checkAccessible(page);

    // Sending without a choice shows the error beside the question; then a real vote.
    await page.getByRole('button', { name: '提交评价' }).click();
    await expect(page.locator('#helpful-error').textContent()).resolves.toContain('请选择');
    await checkAccessible(page);
    await page.getByLabel('有帮助', { exact: true }).check();
    await page.getByLabel(/意见或建议/).fill('问答很实用');
    await page.getByRole('button', { name: '提交评价' }).click();
    await expect(page.locator('[role=status]').textContent()).resolves.toContain('感谢您的评价');
    await page.locator('.facts a').first().click();
    await expect(page.locator('h1').textContent()).resolves.toContain('旧厂房改造');

    await page.goto(base + '/interpretations');
    await checkAccessible(page);
    await page.getByRole('link', { name: '参与解读形式问卷' }).click();
    await checkAccessible(page);
    await page.getByLabel('企业', { exact: true }).check();
    await page.getByLabel('图解版', { exact: true }).check();
    await page.getByLabel('有必要', { exact: true }).check();
    await page.getByRole('button', { name: '提交问卷' }).click();
    await expect(page.locator('[role=status]').textContent()).resolves.toContain('感谢您参与问卷');
    await checkAccessible(page);

    // English and elderly mode read the same page.
    await page.goto(base + '/interpretations?lang=en&mode=elderly');
    await expect(page.locator('h1').textContent()).resolves.toBe('Policy interpretations');
    await page.getByRole('link', { name: '局长访谈：深入推进旧厂房改造 拓展产业发展空间' }).click();
    await expect(page.locator('#transcript-h').textContent()).resolves.toBe('Transcript');
    await expect(page.locator('#feedback-h').textContent()).resolves.toBe('Was this interpretation helpful?');
    await checkAccessible(page);
    await page.close();
  });

  it('the general office reads the feedback and survey results', async () => {
    const page = await newPage();
    await page.goto(base + '/login');
    await page.getByLabel(/用户名/).fill('admin');
    await page.getByLabel(/密码/).fill(password('admin'));
    await page.getByRole('button', { name: '登录' }).click();
    await page.goto(base + '/admin/interpretations');
    await checkAccessible(page);
    await page.getByRole('link', { name: '解读反馈与问卷结果' }).click();
    await expect(page.locator('main').textContent()).resolves.toContain('企业：共 501 份');
    await expect(page.locator('main').textContent()).resolves.toContain('问答很实用');
    await checkAccessible(page);
    await page.close();
  });
});
