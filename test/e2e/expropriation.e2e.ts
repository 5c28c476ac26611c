import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { TestDb } from '../helpers/db.js';
import { contrastFailures, unlabelledControls } from './a11y.js';
import { expectAccessible, launchChromium, serveDemo } from './harness.js';
import { DEMO_PROJECT_CODE } from '../../src/modules/expropriation/expropriation.demo.js';

// The public follows a project to its households and the office screen; a household signs in with
// the code on its notice; staff import a household list with a bad row. JavaScript off throughout.
describe('expropriation journeys in Chromium', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let projectId: number;

  beforeAll(async () => {
    ({ t, app, base } = await serveDemo());
    browser = await launchChromium();
    projectId = (await t.db.kysely.selectFrom('expropriationProject').select('id').where('code', '=', DEMO_PROJECT_CODE).executeTakeFirstOrThrow()).id;
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

  it('goes from the project page to the masked households and to screen mode', async () => {
    const page = await newPage();
    await page.goto(`${base}/expropriation`);
    await page.getByRole('link', { name: '龙沙区某棚户区改造项目' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('龙沙区某棚户区改造项目');
    await expect(page.locator('body').textContent()).resolves.toContain('逾期未公开');
    await expectAccessible(page);
    await page.getByRole('link', { name: '分户公示' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('共 7,300 户');
    await page.getByLabel('户号').fill('LS00042');
    await page.getByRole('button', { name: '查询' }).click();
    const rows = page.locator('table tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toContain('更正于');
    expect(await rows.first().locator('td').nth(1).textContent()).toMatch(/\*$/);
    await expectAccessible(page);
    await page.goto(`${base}/expropriation/projects/${projectId}`);
    await page.getByRole('link', { name: '大屏模式' }).click();
    await expect(page.locator('meta[http-equiv="refresh"]').getAttribute('content')).resolves.toBe('60');
    await expect(page.locator('nav').count()).resolves.toBe(0);
    expect(await contrastFailures(page)).toEqual([]);
  });

  it('lets a household sign in with its code and see its full record', async () => {
    const page = await newPage();
    await page.goto(`${base}/expropriation/sign-in`);
    await expectAccessible(page);
    await page.getByLabel(/查询码/).fill('wqbu5 qart7');
    await page.getByLabel(/身份证号码/).fill('230202198910187963');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('查询码或身份证号码不正确');
    await page.getByLabel(/身份证号码/).fill('230202199305036950');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('户号 LS00001 征收补偿信息');
    const facts = (await page.locator('dl.facts').textContent()) ?? '';
    expect(facts).toContain('高平');
    expect(facts).not.toContain('230202199305036950');
    await expectAccessible(page);
    await page.getByRole('button', { name: '退出' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('被征收户信息查询');
  });

  it('lets staff import a household list and read the report of its bad row', async () => {
    const page = await newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel(/用户名/).fill('exp-editor');
    await page.getByLabel(/密码/).fill('gongkai-editor-2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.goto(`${base}/admin/expropriation/projects/${projectId}`);
    await expectAccessible(page);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exp-e2e-'));
    const file = path.join(dir, 'households.csv');
    fs.writeFileSync(file, ['户号,姓名,身份证号,楼栋,面积,签约状态', 'NEW001,刘新,230202199305036950,41号楼,60,未签约', 'NEW002,陈旧,12345,41号楼,abc,未签约'].join('\n'));
    await page.getByLabel(/户籍清册文件/).setInputFiles(file);
    await page.getByRole('button', { name: '导入', exact: true }).click();
    const report = page.locator('.error-summary');
    await expect(report.locator('h2').textContent()).resolves.toBe('2行中有1行有误，未导入任何数据');
    await expect(report.locator('tbody tr').count()).resolves.toBe(1);
    await expect(report.locator('tbody tr td').nth(2).textContent()).resolves.toContain('身份证号码');
    expect(await unlabelledControls(page)).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lets staff edit a directory row, with the field named when it is left empty', async () => {
    const page = await newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel(/用户名/).fill('exp-editor');
    await page.getByLabel(/密码/).fill('gongkai-editor-2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.goto(`${base}/admin/expropriation/projects/${projectId}`);
    await page.getByRole('link', { name: /^编辑 1 / }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('编辑公开事项：第1项');
    await expectAccessible(page);
    await page.getByLabel(/二级事项/).fill('');
    await page.getByRole('button', { name: '保存公开事项' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('二级事项');
    await expect(page.locator('#level2-error').count()).resolves.toBe(1);
    await page.getByLabel(/二级事项/).fill('征收范围公告及调查登记');
    await page.getByRole('group', { name: /可选公开渠道/ }).getByLabel('精准推送').check();
    await page.getByRole('button', { name: '保存公开事项' }).click();
    await expect(page.locator('#item-1').textContent()).resolves.toContain('征收范围公告及调查登记');
  });

  it('lets staff open an agency case for a household and complete it through the forms', async () => {
    const page = await newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel(/用户名/).fill('exp-editor');
    await page.getByLabel(/密码/).fill('gongkai-editor-2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.goto(`${base}/admin/expropriation/projects/${projectId}`);
    await page.getByRole('link', { name: '代办件' }).click();
    await expectAccessible(page);
    await page.getByLabel(/户号/).fill('LS00002');
    await page.getByLabel('户籍信息').uncheck();
    await page.getByLabel(/特殊群体/).selectOption('elderly');
    await page.getByRole('button', { name: '受理' }).click();
    await expect(page.locator('h1').textContent()).resolves.toContain('户号 LS00002');
    await expectAccessible(page);
    // The dates start at today; a cleared one is named in the error.
    const today = await page.locator('#document_on').inputValue();
    await page.locator('#document_on').fill('');
    await page.getByRole('button', { name: '登记收到' }).click();
    await expect(page.locator('#document_on-error').count()).resolves.toBe(1);
    await page.locator('#document_on').fill(today);
    await page.getByRole('button', { name: '登记收到' }).click();
    await expect(page.locator('body').textContent()).resolves.toContain('已收到');
    await page.getByRole('button', { name: '登记办结' }).click();
    await expect(page.getByRole('button', { name: '登记回访' }).count()).resolves.toBe(1);
    expect(await unlabelledControls(page)).toEqual([]);
  });
});
