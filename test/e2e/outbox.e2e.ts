import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { buildTestApp } from '../helpers/app.js';
import { loadDemoData } from '../../src/demo/demo.js';
import { DEMO_USERS } from '../../src/demo/demo-data.js';
import type { CurrentUser, Role } from '../../src/http/context.js';
import { createChannels, deliverDue, enqueueNotification, loadOutboxDemo } from '../../src/platform/outbox/index.js';
import { unsubscribeTokenFor } from '../../src/platform/outbox/outbox.service.js';
import { testConfig } from '../helpers/app.js';
import { launchChromium, expectAccessible } from './harness.js';

const password = (u: string) => DEMO_USERS.find((x) => x.username === u)!.password;

// The demo enterprise reads its inbox and chooses its channels, with JavaScript OFF.
describe('inbox and notification settings in Chromium', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await createTestDb('sqlite');
    await loadDemoData(t.db);
    // The demo loader may not call the outbox demo yet; it is idempotent (dedupe keys), so call it here.
    const u = await t.db.kysely.selectFrom('user').select(['id', 'username', 'displayName', 'role']).where('username', '=', 'enterprise').executeTakeFirstOrThrow();
    const users = new Map<string, CurrentUser>([['enterprise', { ...u, role: u.role as Role, departmentIds: [] }]]);
    await t.db.kysely.transaction().execute((trx) => loadOutboxDemo(trx, { actor: { userId: null, name: 'test', ip: '127.0.0.1', requestId: 'test' }, deptIds: new Map(), users }));
    app = await buildTestApp(t.db);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
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

  it('the demo enterprise opens its inbox, reads a message and changes its channels', async () => {
    const page = await newPage();
    await page.goto(base + '/login');
    await page.getByLabel('用户名').fill('enterprise');
    await page.getByLabel('密码').fill(password('enterprise'));
    await page.getByRole('button', { name: '登录' }).click();

    await page.goto(base + '/account/inbox');
    await expect(page.locator('h1').textContent()).resolves.toBe('站内信');
    await checkAccessible(page);
    const before = await page.locator('#inbox-count').textContent();
    const unread = Number(/其中 (\d+) 条未读/.exec(before ?? '')?.[1]);
    expect(unread).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.inbox-item.unread').count()).toBe(unread);

    // Opening a message reads it.
    const first = page.locator('.inbox-item.unread .inbox-title a').first();
    const title = (await first.textContent()) ?? '';
    await first.click();
    await expect(page.locator('h1').textContent()).resolves.toBe(title);
    await checkAccessible(page);
    await page.getByRole('link', { name: '返回站内信' }).click();
    await expect(page.locator('#inbox-count').textContent()).resolves.toContain(`其中 ${unread - 1} 条未读`);

    // The button marks another one read.
    await page.getByRole('button', { name: /标为已读/ }).first().click();
    await expect(page.locator('.notice').textContent()).resolves.toContain('已标为已读');
    await expect(page.locator('#inbox-count').textContent()).resolves.toContain(`其中 ${unread - 2} 条未读`);

    // Channels: WeChat without an OpenID is refused beside the field; then e-mail is chosen.
    await page.getByRole('link', { name: '消息推送设置' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('消息推送设置');
    await checkAccessible(page);
    await page.getByLabel('微信公众号消息').check();
    await page.getByRole('button', { name: '保存设置' }).click();
    await expect(page.locator('#wechatOpenid-error').textContent()).resolves.toContain('请填写接收地址');
    expect(await page.getByLabel('微信公众号消息').isChecked()).toBe(true);
    await checkAccessible(page);
    await page.getByLabel('微信公众号消息').uncheck();
    await page.getByLabel('电子邮件').check();
    await page.getByLabel('电子邮箱').fill('li.jingli@example.cn');
    await page.getByRole('button', { name: '保存设置' }).click();
    await expect(page.locator('.notice').textContent()).resolves.toContain('推送设置已保存');
    expect(await page.getByLabel('电子邮件').isChecked()).toBe(true);
    expect(await page.getByLabel('电子邮箱').inputValue()).toBe('li.jingli@example.cn');
    await checkAccessible(page);
    await page.close();
  });

  it('the general office sees a dead letter and sends it again; an unsubscribe link works without signing in', async () => {
    // A citizen with an e-mail address gets a notice while mail is not configured: a dead letter.
    const citizen = await t.db.kysely.selectFrom('user').select('id').where('username', '=', 'citizen').executeTakeFirstOrThrow();
    await t.db.kysely.updateTable('user').set({ email: 'citizen@example.cn' }).where('id', '=', citizen.id).execute();
    await t.db.kysely.transaction().execute((trx) => enqueueNotification(trx, { recipient: { kind: 'user', key: String(citizen.id) }, dedupeKey: 'e2e:dead', topic: 'test', title: '一条投递失败的消息', body: '正文' }));
    await deliverDue({ db: t.db.kysely, channels: createChannels(testConfig()), publicUrl: base, quiet: null });
    const page = await newPage();
    await page.goto(base + '/login');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(password('admin'));
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('link', { name: '消息推送投递' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('消息推送投递');
    await expect(page.locator('#dead-letters').textContent()).resolves.toContain('SMTP_URL');
    await checkAccessible(page);
    await page.getByRole('button', { name: /重新投递/ }).first().click();
    await expect(page.locator('.notice').textContent()).resolves.toContain('已重新排队投递');
    await checkAccessible(page);

    const token = await unsubscribeTokenFor(t.db.kysely, { kind: 'user', key: String(citizen.id) }, 'email');
    const visitor = await newPage();
    await visitor.goto(`${base}/unsubscribe/${token}`);
    await expect(visitor.locator('h1').textContent()).resolves.toBe('退订推送');
    await checkAccessible(visitor);
    await visitor.getByRole('button', { name: '确认退订' }).click();
    await expect(visitor.locator('.notice').textContent()).resolves.toContain('已退订“电子邮件”推送');
    await checkAccessible(visitor);
    await page.close();
    await visitor.close();
  });
});
