import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { TestDb } from '../helpers/db.js';
import { DEMO_USERS } from '../../src/demo/demo-data.js';
import { launchChromium, serveDemo, expectAccessible } from './harness.js';
import { landmarks } from './a11y.js';

const password = (u: string) => DEMO_USERS.find((x) => x.username === u)!.password;

// The old-vs-new page of the demo 旧厂房改造 policies, in Chromium with JavaScript OFF.
describe('old-vs-new comparison in Chromium', () => {
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

  async function newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
    const ctx = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN', viewport });
    return ctx.newPage();
  }

  async function checkAccessible(page: Page): Promise<void> {
    await expectAccessible(page);
    expect((await landmarks(page)).nav).toBeGreaterThanOrEqual(1);
  }

  async function openComparison(page: Page): Promise<string> {
    await page.goto(base + '/policies?q=' + encodeURIComponent('深入推进旧厂房改造'));
    await page.getByRole('link', { name: /深入推进旧厂房改造促进高质量发展的实施意见/ }).first().click();
    await page.getByRole('link', { name: '新旧政策对比' }).first().click();
    await expect(page.locator('h1').textContent()).resolves.toBe('新旧政策对比');
    return new URL(page.url()).pathname;
  }

  it('a reader compares the 2019 policy with the 2018 one: marks, notes, the "only changes" filter', async () => {
    const page = await newPage();
    const path = await openComparison(page);
    expect(path).toMatch(/^\/policies\/\d+\/compare$/);
    await checkAccessible(page);
    const docs = await page.locator('.compare-docs').textContent();
    expect(docs).toContain('中府〔2019〕98号');
    expect(docs).toContain('加快推进旧厂房改造的若干意见');
    await expect(page.locator('.compare-counts').textContent()).resolves.toMatch(/修改 \d+ 条/);

    // 30亩 → 50亩: struck through on the old side, underlined on the new, with hidden words for screen readers.
    const row = page.locator('#new-tiao-5');
    await expect(row.locator('.compare-old del').filter({ hasText: '30' }).count()).resolves.toBe(1);
    await expect(row.locator('.compare-new ins').filter({ hasText: '50' }).count()).resolves.toBe(1);
    expect(await row.locator('.compare-old del').first().evaluate((e) => getComputedStyle(e).textDecorationLine)).toContain('line-through');
    expect(await row.locator('.compare-new ins').first().evaluate((e) => getComputedStyle(e).textDecorationLine)).toContain('underline');
    await expect(row.locator('del .visually-hidden').first().textContent()).resolves.toBe('删除：');
    // The editor's note sits beside the article it explains; the list above links to it.
    await expect(row.locator('.change-note h3').textContent()).resolves.toBe('变化一：市级统筹力度更大了');
    await page.getByRole('link', { name: '变化一：市级统筹力度更大了' }).click();
    expect(page.url()).toContain('#change-1');
    await expect(page.locator('#old-tiao-11 .compare-badge').textContent()).resolves.toBe('删除');
    await expect(page.locator('#new-tiao-10 .compare-see-also').textContent()).resolves.toBe('另见变化一');

    await page.getByRole('link', { name: '只看变化' }).click();
    expect(page.url()).toContain('?only=changes');
    await expect(page.getByRole('link', { name: '只看变化' }).getAttribute('aria-current')).resolves.toBe('page');
    await expect(page.locator('.compare-row-same').count()).resolves.toBe(0);
    await expect(page.locator('.compare-row').count()).resolves.toBeGreaterThan(20);
    await checkAccessible(page);
    await page.close();
  });

  it('on a phone the columns stack, and the elderly mode stays accessible', async () => {
    const page = await newPage({ width: 390, height: 844 });
    const path = await openComparison(page);
    const cell = page.locator('#new-tiao-5 .compare-new');
    expect(await cell.evaluate((e) => getComputedStyle(e).display)).toBe('block');
    await expect(cell.locator('.compare-side').isVisible()).resolves.toBe(true);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await checkAccessible(page);
    await page.goto(`${base}${path}?mode=elderly`);
    expect(await page.getAttribute('html', 'class')).toContain('elderly');
    await checkAccessible(page);
    await page.close();
  });

  it('the general office reorders the notes, and the page follows', async () => {
    const page = await newPage();
    const path = await openComparison(page);
    const id = /\/policies\/(\d+)\/compare/.exec(path)![1];
    await page.goto(base + '/login');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(password('admin'));
    await page.getByRole('button', { name: '登录' }).click();
    await page.goto(`${base}/admin/policies/${id}/changes`);
    await expect(page.locator('h1').textContent()).resolves.toBe('新旧对比说明');
    await checkAccessible(page);
    await page.getByRole('button', { name: '下移 变化一' }).click();
    await expect(page.locator('.notice').textContent()).resolves.toContain('已调整');
    await expect(page.locator('.change-note-list h2').first().textContent()).resolves.toBe('变化一：政府统筹服务能力提升了');
    await page.goto(base + path);
    await expect(page.locator('#change-2 h3').textContent()).resolves.toBe('变化二：市级统筹力度更大了');
    await page.close();
  });
});
