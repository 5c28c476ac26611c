import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { TestDb } from '../helpers/db.js';
import { makeCampaign, makePoint } from '../helpers/open-day-registration.js';
import { launchChromium, serveDemo, expectAccessible } from './harness.js';

// A visitor registers for an open day, sees the confirmation with its QR code and cancels; staff
// check a visitor in at the door. Chromium with JavaScript OFF: plain links and forms.
describe('open-day registration journeys in Chromium', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let point: { id: number; code: string; sessions: number[] };

  beforeAll(async () => {
    ({ t, app, base } = await serveDemo());
    browser = await launchChromium();
    // A point of our own, so the journey does not depend on the programme's demo data.
    const campaign = await makeCampaign(t.db, { title: '政务开放日·浏览器测试' });
    point = await makePoint(
      t.db,
      campaign.id,
      [
        { fromHours: 48, toHours: 50, capacity: 20 },
        { fromHours: 72, toHours: 74, capacity: 1 },
      ],
      { topic: '垃圾分类处理中心开放参观' },
    );
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.drop();
  });

  async function newPage(elderly = false): Promise<Page> {
    const ctx = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
    const page = await ctx.newPage();
    if (elderly) {
      await page.goto(base + '/?mode=elderly');
    }
    return page;
  }

  it('registers, reads the confirmation with its QR code, and cancels by the link', async () => {
    const page = await newPage();
    await page.goto(`${base}/open-days/points/${point.code}/register`);
    await expect(page.locator('h1').textContent()).resolves.toBe('报名参加：垃圾分类处理中心开放参观');
    await expectAccessible(page);

    // A wrong mobile number comes back with the message beside the field and the values kept.
    await page.getByRole('radio', { name: /余 20 个名额/ }).check();
    await page.getByLabel(/真实姓名/).fill('刘晓明');
    await page.getByLabel(/手机号码/).fill('1391234');
    await page.getByRole('button', { name: '提交报名' }).click();
    await expect(page.locator('#mobile-error').textContent()).resolves.toContain('请输入 11 位手机号码');
    await expect(page.getByLabel(/真实姓名/).inputValue()).resolves.toBe('刘晓明');
    await expectAccessible(page);

    await page.getByRole('radio', { name: /余 20 个名额/ }).check();
    await page.getByLabel(/手机号码/).fill('139 1234 5678');
    await page.getByRole('button', { name: '提交报名' }).click();
    expect(page.url()).toMatch(/\/open-days\/registrations\/[A-Za-z0-9_-]{43}\?done=registered$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('报名成功');
    await expect(page.getByRole('status').textContent()).resolves.toContain('报名成功');
    const qr = page.getByRole('img', { name: /签到二维码，确认码 [A-Z2-9]{4}-[A-Z2-9]{4}/ });
    await expect(qr.count()).resolves.toBe(1);
    const box = await qr.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(200);
    await expect(page.locator('main').textContent()).resolves.toContain('139****5678');
    await expectAccessible(page);

    await page.getByRole('link', { name: '取消报名' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('取消报名');
    await expectAccessible(page);
    await page.getByRole('button', { name: '确定取消' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('报名已取消');
    await expect(page.getByRole('link', { name: '取消报名' }).count()).resolves.toBe(0);
    await expectAccessible(page);
  });

  it('in elderly mode, a full session offers the waitlist', async () => {
    const first = await newPage();
    await first.goto(`${base}/open-days/points/${point.code}/register`);
    await first.getByRole('radio', { name: /余 1 个名额/ }).check();
    await first.getByLabel(/真实姓名/).fill('第一人');
    await first.getByLabel(/手机号码/).fill('13911110001');
    await first.getByRole('button', { name: '提交报名' }).click();
    await expect(first.locator('h1').textContent()).resolves.toBe('报名成功');

    const page = await newPage(true);
    await page.goto(`${base}/open-days/points/${point.code}/register`);
    await page.getByRole('radio', { name: /已满，可加入候补/ }).check();
    await page.getByLabel(/真实姓名/).fill('第二人');
    await page.getByLabel(/手机号码/).fill('13911110002');
    await page.getByLabel(/名额已满时加入候补/).check();
    await page.getByRole('button', { name: '提交报名' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('已加入候补');
    await expect(page.locator('main').textContent()).resolves.toContain('候补序号 1');
    await expect(page.locator('html').getAttribute('class')).resolves.toBe('elderly');
    await expectAccessible(page);
  });

  it('staff find a visitor by code at the door and check them in; the attendance page adds up', async () => {
    const visitor = await newPage();
    await visitor.goto(`${base}/open-days/points/${point.code}/register`);
    await visitor.getByRole('radio', { name: /个名额/ }).first().check();
    await visitor.getByLabel(/真实姓名/).fill('孙签到');
    await visitor.getByLabel(/手机号码/).fill('13922223333');
    await visitor.getByRole('button', { name: '提交报名' }).click();
    const label = await visitor.getByRole('img', { name: /签到二维码/ }).getAttribute('aria-label');
    const code = /([A-Z2-9]{4}-[A-Z2-9]{4})/.exec(label!)![1]!;

    const page = await newPage();
    await page.goto(base + '/login');
    await page.getByLabel(/用户名/).fill('admin');
    await page.getByLabel(/密码/).fill('gongkai-admin-2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.goto(`${base}/admin/open-days/points/${point.code}/check-in`);
    await expectAccessible(page);
    await page.getByLabel('确认码、姓名或手机尾号').fill(code.toLowerCase());
    await page.getByRole('button', { name: '查找' }).click();
    await expect(page.locator('table').first().textContent()).resolves.toContain('孙签到');
    await expectAccessible(page);
    await page.getByRole('button', { name: `为 孙签到（${code}）签到` }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('孙签到 签到成功');
    await expect(page.locator('main').textContent()).resolves.toContain('已签到');
    await expectAccessible(page);

    await page.goto(`${base}/admin/open-days/attendance`);
    await page.getByLabel('活动').selectOption({ label: '政务开放日·浏览器测试' });
    await page.getByRole('button', { name: '筛选' }).click();
    const row = page.getByRole('row', { name: /垃圾分类处理中心开放参观/ });
    await expect(row.textContent()).resolves.toMatch(/北京市测试局21/);
    await expectAccessible(page);
  });
});
