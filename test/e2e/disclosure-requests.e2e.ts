import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { TestDb } from '../helpers/db.js';
import { residentId } from '../helpers/disclosure-requests.js';
import { todayInChina } from '../../src/platform/clock.js';
import { launchChromium, serveDemo, expectAccessible } from './harness.js';

// The on-request disclosure journeys in Chromium with JavaScript OFF: a person applies online, is
// told what is wrong, keeps the tracking link and follows the case by number and key; the agency's
// staff confirm receipt and reply; the applicant reads the reply letter.
describe('disclosure request journeys in Chromium', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let number = '';
  let key = '';

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

  it('applies online, fixes a wrong ID number, and tracks the case by number and key', async () => {
    const page = await newPage();
    await page.goto(`${base}/disclosure-requests/apply`);
    await expectAccessible(page);
    await page.getByLabel(/受理机关/).selectOption({ label: '市房屋征收管理办公室' });
    await page.getByLabel(/申请人类型/).selectOption('natural_person');
    await page.getByLabel(/^姓名/).fill('刘桂兰');
    await page.getByLabel(/身份证件号码/).fill('230202198001010000');
    await page.getByLabel(/手机号码/).fill('13900139000');
    await page.getByLabel(/所需信息名称/).fill('城南片区房屋征收分户补偿结果');
    await page.getByLabel(/信息载体形式/).selectOption('electronic');
    await page.getByLabel(/^获取方式/).selectOption('download');
    await page.getByRole('button', { name: '提交申请' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('身份证件号码');
    await expectAccessible(page);
    await page.getByLabel(/身份证件号码/).fill(residentId(42));
    await page.getByRole('button', { name: '提交申请' }).click();
    const m = /\/disclosure-requests\/track\/(YS[0-9A-Z]+)\?key=([^&]+)/.exec(page.url());
    expect(m).not.toBeNull();
    number = m![1]!;
    key = decodeURIComponent(m![2]!);
    await expect(page.locator('h1').textContent()).resolves.toContain(number);
    await expect(page.locator('main').textContent()).resolves.toContain('链接中的密钥只显示这一次');
    await expectAccessible(page);

    const other = await newPage();
    await other.goto(`${base}/disclosure-requests/track`);
    await expectAccessible(other);
    await other.getByLabel(/申请编号/).fill(number);
    await other.getByLabel(/查询密钥/).fill(key);
    await other.getByRole('button', { name: '查询办理进度' }).click();
    await expect(other.locator('main').textContent()).resolves.toContain('待答复');
  });

  it('staff confirm receipt and reply; the applicant reads the reply letter', async () => {
    const staff = await newPage();
    await staff.goto(`${base}/login`);
    await staff.getByLabel('用户名').fill('exp-editor');
    await staff.getByLabel('密码').fill('gongkai-editor-2026');
    await staff.getByRole('button', { name: '登录' }).click();
    await staff.goto(`${base}/admin/disclosure-requests`);
    await expectAccessible(staff);
    await staff.getByRole('link', { name: number }).first().click();
    await expectAccessible(staff);
    await staff.getByRole('button', { name: '确认收到' }).click();
    await staff.getByLabel(/答复类型/).selectOption('disclose');
    await staff.getByLabel(/办理结果/).selectOption('disclosed');
    await staff.getByLabel(/答复内容/).fill('经审查，您申请的分户补偿结果予以公开。');
    await staff.getByLabel(/^答复日期/).fill(todayInChina());
    await staff.getByRole('button', { name: '答复', exact: true }).click();
    await expect(staff.locator('h1').textContent()).resolves.toContain('已答复');

    const applicant = await newPage();
    await applicant.goto(`${base}/disclosure-requests/track/${number}?key=${encodeURIComponent(key)}`);
    await applicant.getByRole('link', { name: '下载答复书' }).click();
    await expect(applicant.locator('main').textContent()).resolves.toContain('分户补偿结果予以公开');
    await expectAccessible(applicant);
  });
});
