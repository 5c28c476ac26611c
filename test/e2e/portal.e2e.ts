import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { TestDb } from '../helpers/db.js';
import { DEMO_USERS } from '../../src/demo/demo-data.js';
import { launchChromium, serveDemo, expectAccessible } from './harness.js';
import { landmarks } from './a11y.js';

const password = (u: string) => DEMO_USERS.find((x) => x.username === u)!.password;

// The newcomer's and the staff's journeys, in Debian's Chromium with JavaScript turned OFF: every
// step must work as plain HTML links and forms.
describe('portal journeys in Chromium', () => {
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

  it('a newcomer browses a column, reads an article, switches language and elderly mode', async () => {
    const page = await newPage();
    await page.goto(base + '/');
    await expect(page.title()).resolves.toContain('公开');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await checkAccessible(page);

    // Keyboard: the first Tab reaches the skip link, which leads to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到主要内容');
    await page.keyboard.press('Enter');
    expect(page.url()).toContain('#main');

    await page.getByRole('link', { name: '开放日动态', exact: true }).first().click();
    await expect(page.locator('h1').textContent()).resolves.toBe('开放日动态');
    await checkAccessible(page);
    await page.getByRole('link', { name: '“初心·同行”政务开放日系列活动圆满举办' }).click();
    await expect(page.locator('h1').textContent()).resolves.toContain('初心·同行');
    await expect(page.locator('main').textContent()).resolves.toContain('176个开放点');
    await expect(page.locator('.article-meta').textContent()).resolves.toContain('最后更新');
    await checkAccessible(page);

    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect(page.locator('.article-meta').textContent()).resolves.toContain('Last updated');
    await page.goto(base + '/departments');
    expect(await page.getAttribute('html', 'lang')).toBe('en'); // remembered
    await checkAccessible(page);
    await page.getByRole('link', { name: '中文' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');

    await page.getByRole('link', { name: '长辈版' }).click();
    expect(await page.getAttribute('html', 'class')).toContain('elderly');
    const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(18);
    const smallest = await page.evaluate(() =>
      Math.min(...Array.from(document.querySelectorAll('main *')).filter((e) => e.textContent?.trim()).map((e) => parseFloat(getComputedStyle(e).fontSize))),
    );
    expect(smallest).toBeGreaterThanOrEqual(18);
    await checkAccessible(page);
    await page.goto(base + '/');
    expect(await page.getAttribute('html', 'class')).toContain('elderly'); // remembered
    await page.close();
  });

  it('a visitor finds a policy by its facets, reads an article by its address, and follows a repealed policy to its successor', async () => {
    const page = await newPage();
    await page.goto(base + '/');
    await page.getByRole('link', { name: '政策文件库' }).first().click();
    await expect(page.locator('h1').textContent()).resolves.toBe('政策文件库');
    await checkAccessible(page);
    await page.getByRole('link', { name: /^城乡建设、环境保护/ }).first().click();
    await page.getByRole('link', { name: /深入推进旧厂房改造促进高质量发展的实施意见/ }).first().click();
    await expect(page.locator('h1').textContent()).resolves.toContain('旧厂房改造');
    await expect(page.locator('.policy-meta').textContent()).resolves.toContain('发文字号');
    await checkAccessible(page);
    const url = new URL(page.url());
    await page.goto(`${url.origin}${url.pathname}#tiao-3`);
    expect(await page.locator('#tiao-3').textContent()).toContain('第三条');
    // The 2018 policy it replaced says it is repealed and links back to it.
    await page.getByRole('link', { name: /加快推进旧厂房改造/ }).first().click();
    await expect(page.locator('.validity-banner').textContent()).resolves.toContain('废止');
    await checkAccessible(page);
    await page.locator('.validity-banner a').click();
    await expect(page.locator('h1').textContent()).resolves.toContain('深入推进旧厂房改造');
    await page.close();
  });

  it('staff draft an article, it is reviewed and published, and the public sees it', async () => {
    const editor = await newPage();
    await editor.goto(base + '/login');
    await checkAccessible(editor);
    // A wrong password is explained beside the form, in Chinese, and the username is kept.
    await editor.getByLabel('用户名').fill('editor');
    await editor.getByLabel('密码').fill('wrong-password-1');
    await editor.getByRole('button', { name: '登录' }).click();
    await expect(editor.locator('.notice').textContent()).resolves.toContain('用户名或密码不正确');
    expect(await editor.getByLabel('用户名').inputValue()).toBe('editor');
    await editor.getByLabel('密码').fill(password('editor'));
    await editor.getByRole('button', { name: '登录' }).click();
    await expect(editor.locator('h1').textContent()).resolves.toBe('管理后台');

    await editor.getByRole('link', { name: '新建信息' }).first().click();
    await checkAccessible(editor);
    // Submitting empty shows errors beside the fields.
    await editor.getByRole('button', { name: '保存草稿' }).click();
    await expect(editor.locator('#title-error').textContent()).resolves.toContain('此项为必填项');
    await checkAccessible(editor);
    const title = `浏览器测试通知 ${Date.now()}`;
    await editor.getByLabel('标题').fill(title);
    await editor.getByLabel('所属栏目').selectOption({ label: '— 通知公告' });
    await editor.getByLabel('发布部门').selectOption({ label: '市人民政府办公室' });
    await editor.getByLabel('正文', { exact: false }).fill('这是第一段。\n\n这是第二段。');
    await editor.getByRole('button', { name: '保存草稿' }).click();
    await expect(editor.locator('.notice').first().textContent()).resolves.toContain('草稿已保存');
    const articleUrl = editor.url();
    const id = /\/admin\/articles\/(\d+)/.exec(articleUrl)![1];
    await editor.getByRole('button', { name: '提交审核' }).click();
    await expect(editor.locator('.status-badge').first().textContent()).resolves.toBe('待审核');

    const visitor = await newPage();
    const before = await visitor.goto(`${base}/articles/${id}`);
    expect(before?.status()).toBe(404);

    const reviewer = await newPage();
    await reviewer.goto(base + '/login');
    await reviewer.getByLabel('用户名').fill('reviewer');
    await reviewer.getByLabel('密码').fill(password('reviewer'));
    await reviewer.getByRole('button', { name: '登录' }).click();
    await reviewer.getByRole('link', { name: /待审核/ }).first().click();
    await reviewer.getByRole('link', { name: title }).click();
    await checkAccessible(reviewer);
    await reviewer.getByRole('button', { name: '审核通过并发布' }).click();
    await expect(reviewer.locator('.notice').first().textContent()).resolves.toContain('已审核通过并发布');

    const after = await visitor.goto(`${base}/articles/${id}`);
    expect(after?.status()).toBe(200);
    await expect(visitor.locator('h1').textContent()).resolves.toBe(title);
    await expect(visitor.locator('.prose').innerHTML()).resolves.toContain('<p>这是第二段。</p>');
    await visitor.goto(`${base}/columns/notices`);
    await expect(visitor.getByRole('link', { name: title }).count()).resolves.toBe(1);
    await visitor.goto(`${base}/`);
    await expect(visitor.getByRole('link', { name: title }).count()).resolves.toBeGreaterThan(0);
    await checkAccessible(visitor);
  });
});
