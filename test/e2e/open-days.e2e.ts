import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { TestDb } from '../helpers/db.js';
import { launchChromium, serveDemo, expectAccessible } from './harness.js';
import { upcomingDay } from '../../src/modules/open-days/open-days.demo.js';

// A visitor's open-day journey in Chromium with JavaScript OFF: the programme and its filters, a point
// page with its calendar link, a vote in the needs survey, and the results report.
describe('open-day journey in Chromium', () => {
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

  it('filters the programme, opens a point, votes in the survey and reads the report', async () => {
    const page = await newPage();
    await page.goto(base + '/');
    await page.getByRole('link', { name: '政务开放日', exact: true }).first().click();
    // The upcoming campaign is the current one.
    await expect(page.locator('h1').textContent()).resolves.toContain('2026年“政务开放日”系列活动');
    await expect(page.locator('main').textContent()).resolves.toContain('显示 12 个开放点（共 12 个）');
    await expectAccessible(page);

    await page.getByLabel('层级').selectOption('city');
    await page.getByRole('button', { name: '筛选' }).click();
    expect(page.url()).toContain('level=city');
    await expect(page.locator('main').textContent()).resolves.toContain('显示 5 个开放点（共 12 个）');
    await expect(page.locator('.od-points li').count()).resolves.toBe(5);
    await expect(page.locator('main').textContent()).resolves.not.toContain('社区养老驿站');
    await expectAccessible(page);

    await page.getByRole('link', { name: '市民热线工单流转' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('市民热线工单流转');
    await expect(page.getByRole('link', { name: '将本开放点各场次加入日历（iCal）' }).getAttribute('href')).resolves.toMatch(/^\/open-days\/points\/2026-C\d{3}\/calendar\.ics$/);
    await expect(page.getByRole('link', { name: '报名此场次' }).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole('img').count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page);

    // The same page in elderly mode still passes.
    await page.getByRole('link', { name: '长辈版' }).click();
    await expectAccessible(page);
    await page.getByRole('link', { name: '标准版' }).click();

    await page.getByRole('link', { name: '2026年“政务开放日”系列活动' }).click();
    await page.getByRole('link', { name: /参与公众需求调查/ }).click();
    await expect(page.locator('h1').textContent()).resolves.toContain('公众需求调查');
    await expectAccessible(page);
    const first = page.locator('.od-need').first();
    await expect(first.textContent()).resolves.toContain('128 票');
    await first.getByRole('button', { name: /投票支持/ }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('投票成功');
    await expect(page.locator('.od-need').first().textContent()).resolves.toContain('129 票');
    await expect(page.locator('.od-need').first().textContent()).resolves.toContain('已投票');
    await expect(page.locator('.od-need').first().getByRole('button').count()).resolves.toBe(0);
    await expectAccessible(page);

    await page.goto(base + '/open-days/2019/report');
    await expect(page.locator('h1').textContent()).resolves.toContain('活动成效报告');
    await expect(page.getByRole('heading', { name: '参加单位（开放点）逐年变化' }).count()).resolves.toBe(1);
    await expect(page.locator('main').textContent()).resolves.toContain('176');
    await expectAccessible(page);

    await page.goto(base + '/open-days/2019/print');
    await expect(page.locator('main').textContent()).resolves.toContain('市级开放点（2 个）');
    await expectAccessible(page);
  });

  it('staff add a session to a point (a session outside the campaign is refused) and moderate the survey', async () => {
    const page = await newPage();
    await page.goto(base + '/login');
    await page.getByLabel(/用户名/).fill('admin');
    await page.getByLabel(/密码/).fill('gongkai-admin-2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.goto(base + '/admin/open-days');
    await expectAccessible(page);
    await page.getByRole('link', { name: '2026 2026年“政务开放日”系列活动' }).click();
    await expect(page.locator('main').textContent()).resolves.toContain('开放点（12 个）');
    await expectAccessible(page);

    await page.getByRole('link', { name: '社区养老驿站' }).click();
    await expect(page.locator('h1').textContent()).resolves.toContain('编辑开放点');
    await expectAccessible(page);
    await page.locator('#new-startsAt').fill(`${upcomingDay('2026-12-20')}T09:00`);
    await page.locator('#new-endsAt').fill(`${upcomingDay('2026-12-20')}T10:00`);
    await page.locator('#new-capacity').fill('15');
    await page.getByRole('button', { name: '添加场次' }).click();
    await expect(page.locator('#sessions').textContent()).resolves.toContain(`场次时间须在活动日期（${upcomingDay('2026-12-15')} 至 ${upcomingDay('2026-12-18')}）内`);
    await expectAccessible(page);
    await page.locator('#new-startsAt').fill(`${upcomingDay('2026-12-18')}T14:00`);
    await page.locator('#new-endsAt').fill(`${upcomingDay('2026-12-18')}T15:30`);
    await page.locator('#new-capacity').fill('15');
    await page.getByRole('button', { name: '添加场次' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('场次已添加');
    await expect(page.locator('#sessions .card').count()).resolves.toBe(2);

    await page.goto(base + '/admin/open-days');
    await page.getByRole('link', { name: '2026 2026年“政务开放日”系列活动' }).click();
    await page.getByRole('link', { name: '公众需求调查' }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: '公开：开放消防救援站，体验逃生演练', exact: true }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('审核结果已保存');
    await page.goto(base + '/open-days/2026-12/survey');
    await expect(page.locator('main').textContent()).resolves.toContain('开放消防救援站，体验逃生演练');

    // The general office records that the proposal became an open point; the public follows it there.
    await page.goto(base + '/admin/open-days');
    await page.getByRole('link', { name: '2026 2026年“政务开放日”系列活动' }).click();
    await page.getByRole('link', { name: '公众需求调查' }).click();
    const row = page.getByRole('row').filter({ hasText: '开放消防救援站，体验逃生演练' });
    const choice = row.getByLabel('采纳为开放点');
    const pointLabel = (await choice.locator('option').nth(1).textContent())!;
    await choice.selectOption({ index: 1 });
    await row.getByRole('button', { name: '采纳：开放消防救援站，体验逃生演练' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('已记录采纳');
    await expectAccessible(page);
    await page.goto(base + '/open-days/2026-12/survey');
    const need = page.locator('.od-need').filter({ hasText: '开放消防救援站，体验逃生演练' });
    await need.getByRole('link', { name: /^已采纳：开放点/ }).click();
    await expect(page.locator('main').textContent()).resolves.toContain('源自公众需求调查：开放消防救援站，体验逃生演练');
    await expect(page.locator('main').textContent()).resolves.toContain(pointLabel.split(' ')[0]!);
    await expectAccessible(page);
  });
});
