import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { TestDb } from '../helpers/db.js';
import { launchChromium, serveDemo, expectAccessible } from './harness.js';
import { landmarks } from './a11y.js';

// A visitor's journey through online dialogues in Chromium with JavaScript OFF: plain links and forms.
describe('online dialogue journey in Chromium', () => {
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
    expect((await landmarks(page)).nav).toBeGreaterThanOrEqual(1);
  }

  it('asks a question in the upcoming dialogue and reads an archived transcript', async () => {
    const page = await newPage();
    await page.goto(base + '/');
    await page.getByRole('link', { name: '在线访谈', exact: true }).first().click();
    await expect(page.locator('h1').textContent()).resolves.toBe('在线访谈');
    await checkAccessible(page);
    // The upcoming dialogue comes first, before the archive.
    await expect(page.locator('.dialogue-list li').first().textContent()).resolves.toContain('旧厂房改造');

    await page.getByRole('link', { name: '旧厂房改造怎么改？政策热点面对面' }).click();
    await expect(page.locator('main').textContent()).resolves.toContain('预告');
    await expect(page.locator('main').textContent()).resolves.toContain('刘建华');
    await expect(page.locator('main').textContent()).resolves.toContain('深入推进旧厂房改造促进高质量发展的实施意见');
    await checkAccessible(page);

    // The browser's own required check stops an empty question (the server's 400 is tested over HTTP).
    await page.getByLabel('您的称呼').fill('浏览器测试网友');
    await page.getByRole('button', { name: '提交问题' }).click();
    expect(page.url()).toMatch(/\/dialogues\/\d+$/);

    await page.getByLabel(/问题内容/).fill('改造期间企业能否继续生产经营？');
    await page.getByLabel(/联系方式/).fill('13900000000');
    await page.getByRole('button', { name: '提交问题' }).click();
    expect(page.url()).toContain('?asked=1');
    await expect(page.getByRole('status').textContent()).resolves.toContain('审核后将公开显示');
    // Awaiting moderation: not shown yet, and the contact never is.
    await expect(page.locator('main').textContent()).resolves.not.toContain('改造期间企业能否继续生产经营');
    await expect(page.locator('main').textContent()).resolves.not.toContain('13900000000');
    await checkAccessible(page);

    await page.goto(base + '/dialogues');
    await page.getByRole('link', { name: '聚焦电动自行车管理，新国标的实施会使问题迎刃而解吗？' }).click();
    await expect(page.locator('main').textContent()).resolves.toContain('已结束');
    await expect(page.getByRole('heading', { name: '访谈实录' }).count()).resolves.toBe(1);
    await expect(page.locator('.dialogue-transcript').textContent()).resolves.toContain('临时号牌有效期至2022年6月20日');
    await expect(page.locator('main').textContent()).resolves.toContain('饶俊（法制科科长）答复');
    await expect(page.locator('form[action$="/questions"]').count()).resolves.toBe(0);
    await checkAccessible(page);

    // The linked policy lists the dialogue.
    await page.getByRole('link', { name: '关于加强电动自行车管理的通告' }).click();
    await expect(page.getByRole('heading', { name: '相关在线访谈' }).count()).resolves.toBe(1);
  });
});
