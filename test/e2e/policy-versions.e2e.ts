import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { buildTestApp, Browser as HttpClient } from '../helpers/app.js';
import { makeDepartment, makeUser } from '../helpers/factories.js';
import { launchChromium, expectAccessible } from './harness.js';
import { contrastFailures, landmarks } from './a11y.js';

const TITLE = '关于深入推进旧厂房改造促进高质量发展的实施意见';
const BODY = ['为推进旧厂房改造，制定本意见。', '第一章 总则', '第一条 为促进高质量发展，制定本意见。', '第二章 闲置土地处置', '第二条 因自身原因闲置土地满两年的，依法无偿收回。', '属于政府原因闲置土地的，另行处置。'].join('\n');
const DEFS = {
  旧厂房: '城市更新范围内建成多年、需要改造的工业厂房',
  闲置土地: '超过约定动工日期满一年未动工开发的国有建设用地',
  自身原因闲置土地: '因土地使用者自身原因造成的闲置土地',
};

// A reader's journey through a policy's three versions (原文版 · 摘要版 · 图解版) and its glossary, in
// Debian's Chromium with JavaScript OFF: the links, the tooltips (pure CSS) and the graphic must all
// work as plain HTML.
describe('policy versions in Chromium', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let id: number;
  let editorUser: { username: string; password: string };
  let staff: { editor: HttpClient; reviewer: HttpClient; deptId: number };

  beforeAll(async () => {
    t = await createTestDb('sqlite');
    app = await buildTestApp(t.db);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    // The policy is filed, submitted and published through the staff forms.
    const dept = await makeDepartment(t.db);
    const e = await makeUser(t.db, 'editor', [dept.id]);
    const r = await makeUser(t.db, 'reviewer', [dept.id]);
    const editor = new HttpClient(app);
    const reviewer = new HttpClient(app);
    await editor.login(e.username, e.password);
    await reviewer.login(r.username, r.password);
    editorUser = e;
    staff = { editor, reviewer, deptId: dept.id };
    const res = await editor.post(
      '/admin/policies/new',
      {
        indexNo: '11442000/2019-00123',
        title: TITLE,
        docNumber: '中府〔2019〕12号',
        issuingOrgan: '中山市人民政府',
        departmentId: String(dept.id),
        theme: '城乡建设、环境保护',
        keywords: '旧厂房 改造',
        serviceObject: '企业',
        writtenOn: '2019-05-10',
        publishedOn: '2019-05-20',
        effectiveOn: '2019-06-01',
        validity: 'valid',
        validityEndedOn: '',
        replacesId: '',
        category: 'normative',
        summary: '旧厂房改造项目可获补助\n自身原因闲置土地满两年的依法收回',
        body: BODY,
        terms: Object.entries(DEFS)
          .map(([k, v]) => `${k}｜${v}`)
          .join('\n'),
        cardHeadline: '旧厂房改造最高补助100万元',
        cardAudience: '本市依法登记的工业企业\n近三年无重大违法记录',
        cardSupport: '按投资额给予最高100万元补助',
        cardDeadlines: '2026年12月31日前提交申请',
        cardHowToApply: '通过市政务服务网在线申请',
        cardContacts: '市工业和信息化局 0760-88888888',
      },
      '/admin/policies/new',
    );
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    id = Number(/\/admin\/policies\/(\d+)/.exec(res.headers.location as string)![1]);
    expect((await editor.post(`/admin/policies/${id}/submit`, {}, `/admin/policies/${id}`)).statusCode).toBe(303);
    expect((await reviewer.post(`/admin/policies/${id}/publish`, {}, `/admin/policies/${id}`)).statusCode).toBe(303);

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

  /** Presses Tab until a glossary mark has the focus; returns its text. */
  async function tabToMark(page: Page): Promise<string> {
    for (let i = 0; i < 300; i++) {
      await page.keyboard.press('Tab');
      const hit = await page.evaluate(() => (document.activeElement?.classList.contains('term-mark') ? document.activeElement.textContent : null));
      if (hit) {
        return hit;
      }
    }
    throw new Error('no glossary mark reached by Tab');
  }

  const tipDisplay = (page: Page, tipId: string) => page.evaluate((i) => getComputedStyle(document.getElementById(i)!).display, tipId);

  /** The focused mark's tooltip: hidden before focus, shown on focus, its text the definition. */
  async function checkTooltip(page: Page): Promise<string> {
    const tipIds = await page.locator('a.term-mark').evaluateAll((els) => els.map((e) => e.getAttribute('aria-describedby')!));
    expect(tipIds.length).toBe(3);
    for (const tip of tipIds) {
      expect(await tipDisplay(page, tip)).toBe('none');
    }
    const term = await tabToMark(page);
    const tip = await page.evaluate(() => document.activeElement!.getAttribute('aria-describedby')!);
    expect(await tipDisplay(page, tip)).not.toBe('none');
    expect(await page.locator(`#${tip}`).getAttribute('role')).toBe('tooltip');
    expect(await page.locator(`#${tip}`).textContent()).toBe(`名词解释：${DEFS[term as keyof typeof DEFS]}`);
    // The tooltip is on screen and legible while shown.
    const box = await page.locator(`#${tip}`).boundingBox();
    expect(box!.width).toBeGreaterThan(50);
    expect(box!.height).toBeGreaterThan(10);
    expect(await contrastFailures(page)).toEqual([]);
    // The other tooltips stay hidden.
    for (const other of tipIds.filter((x) => x !== tip)) {
      expect(await tipDisplay(page, other)).toBe('none');
    }
    return term;
  }

  it('a reader jumps between the versions, reads a term by keyboard and follows it to the glossary', async () => {
    const page = await newPage();
    const res = await page.goto(`${base}/policies/${id}`);
    expect(res?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe(TITLE);
    await checkAccessible(page);

    // The three versions are in-page links to their sections.
    const nav = page.getByRole('navigation', { name: '三个版本' });
    for (const [label, anchor] of [
      ['摘要版', 'summary-h'],
      ['图解版', 'graphic-h'],
      ['原文版', 'text-h'],
    ] as const) {
      await nav.getByRole('link', { name: label, exact: true }).click();
      expect(new URL(page.url()).hash).toBe(`#${anchor}`);
      expect(await page.locator(`#${anchor}`).isVisible()).toBe(true);
      expect(await page.locator(`#${anchor}`).evaluate((h) => h.getBoundingClientRect().top)).toBeLessThan(200);
    }
    await expect(page.locator('#summary-h + ul').textContent()).resolves.toContain('旧厂房改造项目可获补助');

    // The generated graphic is drawn, and named for screen readers.
    const svg = page.getByRole('img', { name: TITLE });
    expect(await svg.count()).toBe(1);
    const box = await svg.boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(box!.height).toBeGreaterThan(300);
    // Its text version opens without JavaScript.
    await page.getByText('图解文字版').click();
    expect(await page.locator('.graphic-text .card-text').isVisible()).toBe(true);
    await expect(page.locator('.graphic-text').textContent()).resolves.toContain('按投资额给予最高100万元补助');

    // Keyboard: Tab reaches a glossary mark and its definition shows (CSS :focus-within, no script).
    await page.goto(`${base}/policies/${id}`);
    const term = await checkTooltip(page);
    expect(term).toBe('旧厂房');

    // Enter follows the mark to the glossary entry.
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#term-1');
    const entry = page.locator('#term-1');
    expect(await entry.isVisible()).toBe(true);
    await expect(entry.locator('dt').textContent()).resolves.toBe('旧厂房');
    await expect(entry.locator('dd').textContent()).resolves.toBe(DEFS['旧厂房']);
    // The entry reached is highlighted (:target) and still legible.
    expect(await entry.evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    expect(await contrastFailures(page)).toEqual([]);

    // The longer term is marked as itself, not as the shorter one inside it.
    await expect(page.locator('#tiao-2 a.term-mark').allTextContents()).resolves.toEqual(['自身原因闲置土地', '闲置土地']);
    await page.locator('#tiao-2 a.term-mark').first().click();
    expect(new URL(page.url()).hash).toBe('#term-3');
    await expect(page.locator('#term-3 dt').textContent()).resolves.toBe('自身原因闲置土地');
    await page.close();
  });

  it('a reader opens the graphic on its own page and downloads it', async () => {
    const page = await newPage();
    await page.goto(`${base}/policies/${id}`);
    await page.getByRole('link', { name: '单独查看图解' }).click();
    expect(new URL(page.url()).pathname).toBe(`/policies/${id}/graphic`);
    await expect(page.locator('h1').textContent()).resolves.toBe(`${TITLE} · 图解版`);
    expect(await page.getByRole('img', { name: TITLE }).count()).toBe(1);
    await expect(page.locator('.card-text').textContent()).resolves.toContain('市工业和信息化局 0760-88888888');
    await checkAccessible(page);

    // The SVG document is well-formed XML that Chromium draws as an image.
    const svgRes = await page.goto(`${base}/policies/${id}/graphic.svg`);
    expect(svgRes?.status()).toBe(200);
    expect(svgRes?.headers()['content-type']).toContain('image/svg+xml');
    expect(await page.evaluate(() => document.documentElement.nodeName)).toBe('svg');
    expect(await page.evaluate(() => document.getElementsByTagName('parsererror').length)).toBe(0);
    expect(await page.evaluate(() => document.querySelector('title')?.textContent)).toBe(TITLE);

    // Back to the text.
    await page.goto(`${base}/policies/${id}/graphic`);
    await page.getByRole('link', { name: '原文版' }).last().click();
    expect(new URL(page.url()).pathname).toBe(`/policies/${id}`);
    await page.close();
  });

  it('the same pages work in elderly mode', async () => {
    const page = await newPage();
    await page.goto(`${base}/policies/${id}?mode=elderly`);
    expect(await page.getAttribute('html', 'class')).toContain('elderly');
    await checkAccessible(page);
    const smallest = await page.evaluate(() =>
      Math.min(
        ...Array.from(document.querySelectorAll('main *'))
          .filter((e) => e.textContent?.trim() && !(e instanceof SVGElement) && e.getBoundingClientRect().width > 1)
          .map((e) => parseFloat(getComputedStyle(e).fontSize)),
      ),
    );
    expect(smallest).toBeGreaterThanOrEqual(18);
    await checkTooltip(page);
    const tipSize = await page.evaluate(() => parseFloat(getComputedStyle(document.getElementById(document.activeElement!.getAttribute('aria-describedby')!)!).fontSize));
    expect(tipSize).toBeGreaterThanOrEqual(18);
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#term-1');

    await page.getByRole('link', { name: '单独查看图解' }).click();
    expect(await page.getAttribute('html', 'class')).toContain('elderly'); // remembered
    await checkAccessible(page);
    // The graphic fits the screen width instead of making the page scroll sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('an editor uploads a designed graphic and an attachment with the browser forms (no script)', async () => {
    // A draft without a card: the uploaded graphic will be its graphic version.
    const { editor, reviewer, deptId } = staff;
    const res = await editor.post(
      '/admin/policies/new',
      {
        indexNo: '11442000/2019-00124',
        title: '关于支持企业技术改造的若干措施',
        issuingOrgan: '中山市人民政府',
        departmentId: String(deptId),
        theme: '工业、交通',
        writtenOn: '2019-05-10',
        validity: 'valid',
        category: 'normative',
        summary: '技术改造项目可获补助',
        body: '第一条 对技术改造项目给予补助。',
      },
      '/admin/policies/new',
    );
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    const draftId = Number(/\/admin\/policies\/(\d+)/.exec(res.headers.location as string)![1]);

    const page = await newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel('用户名').fill(editorUser.username);
    await page.getByLabel('密码').fill(editorUser.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.goto(`${base}/admin/policies/${draftId}`);
    await expect(page.locator('main').textContent()).resolves.toContain('还缺少：图解版');
    await checkAccessible(page);

    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    const graphicForm = page.locator(`form[action^="/admin/policies/${draftId}/graphic?"]`);
    // Without the description the image is refused, and the error sits beside the field.
    await page.getByLabel('图解图片').setInputFiles({ name: 'card.png', mimeType: 'image/png', buffer: png });
    await graphicForm.locator('button[type=submit]').click();
    await expect(page.locator('#graphicAlt-error').textContent()).resolves.toContain('此项为必填项');
    expect(await page.locator('#graphicAlt').getAttribute('aria-describedby')).toContain('graphicAlt-error');
    await checkAccessible(page);

    await page.getByLabel('图片文字说明').fill('技术改造项目按投资额给予补助，在政务服务网申请。');
    await page.getByLabel('图解图片').setInputFiles({ name: 'card.png', mimeType: 'image/png', buffer: png });
    await graphicForm.locator('button[type=submit]').click();
    await expect(page.locator('.notice').first().textContent()).resolves.toContain('已上传');
    await expect(page.locator('main').textContent()).resolves.toContain('原文版、摘要版、图解版已齐备');

    const pdf = Buffer.from('%PDF-1.4\n% test attachment\n%%EOF\n');
    await page.getByLabel('附件名称').fill('项目申请表');
    await page.getByLabel('文件', { exact: true }).setInputFiles({ name: '申请表.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.locator(`form[action^="/admin/policies/${draftId}/attachments?"]`).locator('button[type=submit]').click();
    await expect(page.locator('.notice').first().textContent()).resolves.toContain('已上传');
    await expect(page.getByRole('link', { name: '项目申请表' }).count()).resolves.toBe(1);
    await checkAccessible(page);
    await page.close();

    expect((await editor.post(`/admin/policies/${draftId}/submit`, {}, `/admin/policies/${draftId}`)).statusCode).toBe(303);
    expect((await reviewer.post(`/admin/policies/${draftId}/publish`, {}, `/admin/policies/${draftId}`)).statusCode).toBe(303);

    const reader = await newPage();
    await reader.goto(`${base}/policies/${draftId}`);
    const img = reader.getByRole('img', { name: '技术改造项目按投资额给予补助，在政务服务网申请。' });
    expect(await img.count()).toBe(1);
    expect(await img.evaluate((e) => e.tagName)).toBe('IMG');
    await checkAccessible(reader);
    const href = await reader.getByRole('link', { name: '项目申请表' }).getAttribute('href');
    const dl = await reader.request.get(`${base}${href}`);
    expect(dl.status()).toBe(200);
    expect(Buffer.from(await dl.body()).equals(pdf)).toBe(true);
    await reader.close();
  });
});
