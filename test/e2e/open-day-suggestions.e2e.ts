import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { TestDb } from '../helpers/db.js';
import { makeCampaign, makePoint } from '../helpers/open-day-suggestions.js';
import { launchChromium, serveDemo, expectAccessible } from './harness.js';

// The suggestion journeys in Chromium with JavaScript OFF: a visitor sends a suggestion from an open
// point's QR code and follows it; the general office publishes and routes it, the unit answers and
// converts it into a measure; anyone reads the public tracker. The campaign and point are made here,
// so that the journeys test this module whatever the open-day demo holds.
describe('open-day suggestion journeys in Chromium', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let campaign: { id: number; slug: string };
  let point: { id: number; code: string; topic: string };
  let trackingCode = '';
  const content = '建议在开放点设置垃圾分类互动体验区，并公布各小区分类投放时间。';

  beforeAll(async () => {
    ({ t, app, base } = await serveDemo());
    browser = await launchChromium();
    campaign = await makeCampaign(t.db, { slug: 'e2e-open-day', title: '政务开放日浏览器测试' });
    point = await makePoint(t.db, campaign.id, { code: 'E2E-LJFL', topic: '垃圾分类：从源头到末端' });
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

  async function signedIn(username: string, password: string): Promise<Page> {
    const page = await newPage();
    await page.goto(base + '/login');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    return page;
  }

  it('a visitor scans the point code, is told what is wrong, sends a suggestion and lands on its tracking page', async () => {
    const page = await newPage();
    await page.goto(`${base}/open-days/points/${point.code}/suggest`);
    await expect(page.locator('h1').textContent()).resolves.toBe(`对“${point.topic}”提建议`);
    await expectAccessible(page);

    // A bad contact is refused by the server, named beside its field, the text kept.
    await page.getByLabel(/建议类别/).selectOption('urban');
    await page.getByLabel(/建议内容/).fill(content);
    await page.getByLabel('联系方式').fill('12345');
    await page.getByRole('button', { name: '提交建议' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('联系方式');
    await expect(page.locator('#contact-error').textContent()).resolves.toContain('11 位手机号码');
    expect(await page.getByLabel(/建议内容/).inputValue()).toBe(content);
    await expectAccessible(page);

    await page.getByLabel('联系方式').fill('visitor@example.org');
    await page.getByLabel('您的称呼').fill('赵阿姨');
    await page.getByRole('button', { name: '提交建议' }).click();
    expect(page.url()).toMatch(/\/open-days\/suggestions\/JY[0-9A-Z]{8}\?sent=1$/);
    trackingCode = /JY[0-9A-Z]{8}/.exec(page.url())![0];
    await expect(page.getByRole('status').textContent()).resolves.toContain(trackingCode);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('收到建议');
    expect(main).toContain('建议内容经审核后公开');
    expect(main).not.toContain('visitor@example.org');
    await expectAccessible(page);

    // Elderly mode reads the same page.
    await page.getByRole('link', { name: '长辈版' }).click();
    await expect(page.locator('html').getAttribute('class')).resolves.toContain('elderly');
    await expectAccessible(page);
  });

  it('the general office publishes and routes it; the unit answers and converts it into a measure', async () => {
    const office = await signedIn('admin', 'gongkai-admin-2026');
    await office.goto(`${base}/admin/open-days/suggestions?queue=moderation`);
    await expectAccessible(office);
    await office.getByRole('link', { name: `#${trackingCode}` }).click();
    await expect(office.locator('main').textContent()).resolves.toContain('visitor@example.org');
    await expectAccessible(office);
    await office.getByRole('button', { name: '审核通过并公开' }).click();
    await expect(office.getByRole('status').textContent()).resolves.toContain('建议已公开');
    await office.getByRole('combobox', { name: /责任单位/ }).selectOption({ label: '市政务服务数据管理局' });
    await office.getByRole('button', { name: '转交责任单位' }).click();
    await expect(office.getByRole('status').textContent()).resolves.toContain('答复期限已计算');
    await expect(office.locator('.suggestion-path').textContent()).resolves.toContain('转交市政务服务数据管理局办理');
    await expectAccessible(office);

    const unit = await signedIn('editor', 'gongkai-editor-2026');
    await unit.goto(`${base}/admin/open-days/suggestions`);
    await expect(unit.locator('main').textContent()).resolves.toContain('待答复');
    await expectAccessible(unit);
    await unit.getByRole('link', { name: `#${trackingCode}` }).click();
    await unit.getByRole('textbox', { name: /^答复/ }).fill('感谢您的建议。我们将在各街道便民服务中心公布分类投放时间。');
    await unit.getByRole('button', { name: '提交答复' }).click();
    await expect(unit.getByRole('status').textContent()).resolves.toContain('答复已提交');

    // Converted without a measure is refused, naming the measure field.
    await unit.getByRole('combobox', { name: /办理结果/ }).selectOption('converted');
    await unit.getByRole('button', { name: '确定办理结果' }).click();
    await expect(unit.locator('#measureId-error').textContent()).resolves.toContain('请选择已有措施或填写新措施名称');
    await expectAccessible(unit);
    await unit.getByRole('combobox', { name: /办理结果/ }).selectOption('converted');
    await unit.getByLabel('新措施名称').fill('各街道公布垃圾分类投放时间');
    await unit.getByLabel('新措施计划完成日期').fill('2027-03-31');
    await unit.getByRole('button', { name: '确定办理结果' }).click();
    await expect(unit.getByRole('status').textContent()).resolves.toContain('办理结果已确定');
    await expectAccessible(unit);

    const visitor = await newPage();
    await visitor.goto(`${base}/open-days/suggestions/${trackingCode}`);
    const main = (await visitor.locator('main').textContent()) ?? '';
    expect(main).toContain(content);
    expect(main).toContain('已转化为措施');
    expect(main).toContain('赵**');
    expect(main).not.toContain('visitor@example.org');
    await expectAccessible(visitor);
    await visitor.getByRole('link', { name: '各街道公布垃圾分类投放时间' }).click();
    await expect(visitor.locator('h1').textContent()).resolves.toBe('各街道公布垃圾分类投放时间');
    await expect(visitor.locator('main').textContent()).resolves.toContain(trackingCode);
    await expectAccessible(visitor);
  });

  it('anyone reads the public tracker, with the formula, the deadlines per unit and a filter', async () => {
    const page = await newPage();
    await page.goto(`${base}/open-days/${campaign.slug}/suggestions`);
    await expect(page.locator('h1').textContent()).resolves.toContain('建议办理公开');
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('转化率：100.0%');
    expect(main).toContain('转化率 =（已转化为措施 + 部分采纳）÷ 已答复的建议');
    expect(main).toContain('市政务服务数据管理局');
    expect(main).toContain('各街道公布垃圾分类投放时间');
    await expectAccessible(page);
    await page.getByLabel('建议类别').selectOption('business');
    await page.getByRole('button', { name: '筛选' }).click();
    await expect(page.locator('main').textContent()).resolves.not.toContain(`#${trackingCode}`);
    await page.getByLabel('建议类别').selectOption('urban');
    await page.getByRole('button', { name: '筛选' }).click();
    await expect(page.locator('.suggestion-list').textContent()).resolves.toContain(`#${trackingCode}`);
    await expectAccessible(page);
  });

  it('the 2019 campaign of the source shows its 9,300 suggestions, the overdue units and the measures', async () => {
    const c2019 = await t.db.kysely.selectFrom('openDayCampaign').select('slug').where('year', '=', 2019).executeTakeFirstOrThrow();
    const page = await newPage();
    await page.goto(`${base}/open-days/${c2019.slug}/suggestions`);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('共收到建议 9300 条');
    expect(main).toContain('转化措施（40 项）');
    await expectAccessible(page);
    // Page two of the list, then a suggestion's own page from it.
    await page.getByRole('link', { name: '下一页' }).click();
    expect(page.url()).toContain('page=2');
    await page.locator('.suggestion-list a').first().click();
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^建议 JY/);
    await expect(page.locator('.suggestion-path li').first().textContent()).resolves.toContain('收到建议');
    await expectAccessible(page);
  });

  it('the general office splits a suggestion of two matters; the public follows the lineage to each part', async () => {
    const visitor = await newPage();
    await visitor.goto(`${base}/open-days/points/${point.code}/suggest`);
    await visitor.getByLabel(/建议类别/).selectOption('services');
    await visitor.getByLabel(/建议内容/).fill('建议开放日期间延长政务大厅午间服务时间，同时在大厅周边增设临时停车位。');
    await visitor.getByLabel('联系方式').fill('13900002222');
    await visitor.getByRole('button', { name: '提交建议' }).click();
    const whole = /JY[0-9A-Z]{8}/.exec(visitor.url())![0];

    const office = await signedIn('admin', 'gongkai-admin-2026');
    await office.goto(`${base}/admin/open-days/suggestions?queue=moderation`);
    await office.getByRole('link', { name: `#${whole}` }).click();
    await office.getByRole('button', { name: '审核通过并公开' }).click();
    // One part only is refused, naming the empty second part.
    const first = office.getByRole('group', { name: '第 1 项' });
    const second = office.getByRole('group', { name: '第 2 项' });
    await first.getByLabel('建议内容').fill('开放日期间延长政务大厅午间服务时间');
    await office.getByRole('button', { name: '拆分', exact: true }).click();
    await expect(office.locator('#content2-error').textContent()).resolves.toContain('请至少填写两项事项');
    await expectAccessible(office);
    await second.getByLabel('建议类别').selectOption('urban');
    await second.getByLabel('建议内容').fill('在政务大厅周边增设临时停车位');
    await office.getByRole('button', { name: '拆分', exact: true }).click();
    await expect(office.getByRole('status').textContent()).resolves.toContain('建议已拆分');
    await expect(office.locator('.suggestion-path').textContent()).resolves.toContain('拆分为');
    await expectAccessible(office);

    await visitor.goto(`${base}/open-days/suggestions/${whole}`);
    await expect(visitor.locator('main').textContent()).resolves.toContain('已拆分为以下 2 条分别办理');
    await expectAccessible(visitor);
    const parts = visitor.locator('.split-parts a');
    expect(await parts.count()).toBe(2);
    await parts.nth(1).click();
    const main = (await visitor.locator('main').textContent()) ?? '';
    expect(main).toContain('在政务大厅周边增设临时停车位');
    expect(main).toContain(`由建议 ${whole} 拆分而来`);
    expect(main).toContain('城市管理');
    expect(main).not.toContain('13900002222');
    await expectAccessible(visitor);
    await visitor.getByRole('link', { name: `#${whole}` }).click();
    await expect(visitor.locator('h1').textContent()).resolves.toBe(`建议 ${whole}`);
  });
});
