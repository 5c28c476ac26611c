import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { createTestDb, TEST_DIALECT, type TestDb } from './helpers/db.js';
import { apiToken, Browser, buildTestApp, testConfig } from './helpers/app.js';
import { makeUser } from './helpers/factories.js';
import { createChannels, deliverDue, enqueueNotification, enqueueNotifications, registerRecipientResolver, type DeliveryDeps } from '../src/platform/outbox/index.js';
import { startStub } from '../src/platform/outbox/channels/stub-server.test-helper.js';

type Stub = Awaited<ReturnType<typeof startStub>>;
const uid = () => crypto.randomBytes(4).toString('hex');

/** The text of a raw message (base64 or quoted-printable body). */
function mailText(raw: string): string {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const body = rest.join('\r\n\r\n');
  if (/Content-Transfer-Encoding: base64/i.test(head)) {
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => `%${h}`);
    return decodeURIComponent(bytes);
  }
  return body;
}

describe(`notification outbox (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let smtp: SMTPServer;
  const mails: Array<{ to: string[]; raw: string }> = [];
  let hook: Stub;
  let hookStatus = 200;
  let sms: Stub;
  let wx: Stub;
  let clock = new Date('2026-03-03T02:00:00Z'); // 10:00 in Beijing
  let deps: DeliveryDeps;
  const db = () => t.db.kysely;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    hook = await startStub(() => ({ status: hookStatus, json: {} }));
    sms = await startStub(() => ({ json: { Response: { SendStatusSet: [{ Code: 'Ok', Message: 'send success', SerialNo: `sn-${uid()}` }], RequestId: 'r' } } }));
    wx = await startStub((r) => (r.path === '/cgi-bin/token' ? { json: { access_token: 'TOKEN', expires_in: 7200 } } : { json: { errcode: 0, errmsg: 'ok', msgid: 42 } }));
    const config = testConfig({
      smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      publicUrl: 'http://portal.test',
      sms: { url: sms.url, appId: '1400000000', secretId: 'AKID', secretKey: 'k', signName: '政务公开', templateId: '1', region: 'ap-guangzhou' },
      wechat: { apiBase: wx.url, appId: 'wxapp', appSecret: 's', templateId: 'TPL' },
      webhookAllowPrivate: true,
    });
    t = await createTestDb();
    app = await buildTestApp(t.db, config);
    deps = { db: db(), channels: createChannels(config, undefined, () => clock), publicUrl: config.publicUrl, quiet: { start: 22, end: 8 }, now: () => clock };
  });

  afterAll(async () => {
    await app.close();
    await t.drop();
    await Promise.all([hook.close(), sms.close(), wx.close(), new Promise<void>((resolve) => smtp.close(() => resolve()))]);
  });

  /** An enterprise account with e-mail and mobile; its credit code is its enterprise recipient. */
  async function enterpriseUser() {
    const u = await makeUser(t.db, 'enterprise');
    const creditCode = `9144200${uid().toUpperCase()}${uid().slice(0, 3).toUpperCase()}`;
    await db().updateTable('user').set({ creditCode, email: `${u.username}@corp.example.cn`, mobile: '13800138000' }).where('id', '=', u.id).execute();
    return { ...u, creditCode, user: { kind: 'user', key: String(u.id) } };
  }

  const enqueue = (recipient: { kind: string; key: string }, key = `k-${uid()}`, title = `标题${key}`) =>
    db().transaction().execute((trx) => enqueueNotification(trx, { recipient, dedupeKey: key, topic: 'policy-match', title, body: '正文', link: '/policies/1' }, { now: clock }));
  /** Runs deliveries until none is due (earlier tests may have left some). */
  const drain = async (d: DeliveryDeps = deps) => {
    while ((await deliverDue(d)).claimed > 0) {
      // next batch
    }
  };
  const deliveries = (notificationId: number) => db().selectFrom('delivery').selectAll().where('notificationId', '=', notificationId).orderBy('channel').execute();
  const setPrefs = async (r: { kind: string; key: string }, prefs: Record<string, { address?: string; secret?: string }>) => {
    for (const channel of ['email', 'sms', 'wechat', 'webhook']) {
      const p = prefs[channel];
      await db()
        .insertInto('recipientChannel')
        .values({ recipientKind: r.kind, recipientKey: r.key, channel, enabled: p ? 1 : 0, address: p?.address ?? '', webhookSecret: p?.secret ?? '', updatedAt: clock.toISOString() })
        .onConflict((oc) => oc.columns(['recipientKind', 'recipientKey', 'channel']).doUpdateSet({ enabled: p ? 1 : 0, address: p?.address ?? '', webhookSecret: p?.secret ?? '' }))
        .execute();
    }
  };

  it('writes one notification per dedupe key, with its inbox message and default channels', async () => {
    const e = await enterpriseUser();
    const key = `policy-match:${e.creditCode}:1`;
    const first = await enqueue(e.user, key);
    const again = await enqueue(e.user, key);
    expect(first.created).toBe(true);
    expect(again).toEqual({ notificationId: first.notificationId, created: false });
    expect(await db().selectFrom('notification').select('id').where('dedupeKey', '=', key).execute()).toHaveLength(1);
    expect(await db().selectFrom('inboxMessage').select('id').where('notificationId', '=', first.notificationId).execute()).toHaveLength(1);
    const d = await deliveries(first.notificationId);
    // No preferences yet: inbox, plus e-mail and SMS because both are known.
    expect(d.map((x) => [x.channel, x.address, x.status])).toEqual([
      ['email', `${e.username}@corp.example.cn`, 'pending'],
      ['sms', '13800138000', 'pending'],
    ]);
    expect(new Set(d.map((x) => x.idempotencyKey)).size).toBe(2);
  });

  it('writes many notifications in one batch, once per key, using a batch resolver', async () => {
    const kind = `test-kind-${uid()}`;
    const asked: string[][] = [];
    registerRecipientResolver(
      kind,
      () => Promise.reject(new Error('the batch resolver should be used')),
      (_db, keys) => {
        asked.push(keys);
        return Promise.resolve(new Map(keys.map((k) => [k, { name: k, mobile: '13900139000' }])));
      },
    );
    const seen = await enqueue({ kind, key: 'a' }, `batch-${kind}-a`);
    const inputs = ['a', 'b', 'c', 'b'].map((k) => ({ recipient: { kind, key: k }, dedupeKey: `batch-${kind}-${k}`, topic: 'policy-match', title: k, body: k }));
    const r = await db().transaction().execute((trx) => enqueueNotifications(trx, inputs, { now: clock }));
    expect(r.map((x) => x.created)).toEqual([false, true, true, false]);
    expect(r[0]!.notificationId).toBe(seen.notificationId);
    expect(r[3]!.notificationId).toBe(r[1]!.notificationId);
    expect(asked.at(-1)!.sort()).toEqual(['b', 'c']);
    const d = await db().selectFrom('delivery').select(['channel', 'address']).where('notificationId', 'in', [r[1]!.notificationId, r[2]!.notificationId]).execute();
    expect(d).toEqual([
      { channel: 'sms', address: '13900139000' },
      { channel: 'sms', address: '13900139000' },
    ]);
  });

  it('writes no inbox message for a kind without an inbox, and uses a contact the caller gives instead of asking', async () => {
    const kind = `no-inbox-${uid()}`;
    const asked: string[] = [];
    registerRecipientResolver(kind, (_db, key) => {
      asked.push(key);
      return Promise.resolve({ name: key, mobile: '13900139001' });
    });
    const given = await db()
      .transaction()
      .execute((trx) =>
        enqueueNotification(trx, { recipient: { kind, key: 'given' }, contact: { name: '甲', mobile: '13700137000', email: 'jia@example.cn' }, dedupeKey: `given-${kind}`, topic: 't', title: '甲', body: '正文' }, { now: clock }),
      );
    const looked = await db().transaction().execute((trx) => enqueueNotification(trx, { recipient: { kind, key: 'looked-up' }, dedupeKey: `looked-${kind}`, topic: 't', title: '乙', body: '正文' }, { now: clock }));
    expect(asked).toEqual(['looked-up']);
    expect((await deliveries(given.notificationId)).map((d) => [d.channel, d.address])).toEqual([
      ['email', 'jia@example.cn'],
      ['sms', '13700137000'],
    ]);
    expect((await deliveries(looked.notificationId)).map((d) => [d.channel, d.address])).toEqual([['sms', '13900139001']]);
    expect(await db().selectFrom('inboxMessage').select('id').where('notificationId', 'in', [given.notificationId, looked.notificationId]).execute()).toEqual([]);
  });

  it('leaves nothing behind when the caller rolls back', async () => {
    const e = await enterpriseUser();
    const key = `rolled-back-${uid()}`;
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await enqueueNotification(trx, { recipient: e.user, dedupeKey: key, topic: 'policy-match', title: 't', body: 'b' });
          throw new Error('the match failed');
        }),
    ).rejects.toThrow('the match failed');
    expect(await db().selectFrom('notification').select('id').where('dedupeKey', '=', key).execute()).toHaveLength(0);
  });

  it('delivers e-mail with an unsubscribe link, SMS and WeChat through their gateways', async () => {
    const e = await enterpriseUser();
    await setPrefs(e.user, { email: {}, sms: {}, wechat: { address: 'oWECHATOPENID0000000001' } });
    const n = await enqueue(e.user, `all-${uid()}`, '新政策匹配通知');
    await drain();
    const d = await deliveries(n.notificationId);
    expect(d.map((x) => [x.channel, x.status, x.attempts])).toEqual([
      ['email', 'sent', 1],
      ['sms', 'sent', 1],
      ['wechat', 'sent', 1],
    ]);
    const mail = mails.find((m) => m.to.includes(`${e.username}@corp.example.cn`))!;
    const text = mailText(mail.raw);
    expect(text).toContain('http://portal.test/policies/1');
    const link = /http:\/\/portal\.test\/unsubscribe\/([A-Za-z0-9_-]+)/.exec(text);
    expect(link).not.toBeNull();
    const json = (body: string) => JSON.parse(body) as Record<string, unknown>;
    const smsReq = sms.requests.find((q) => json(q.body).SessionContext === d[1]!.idempotencyKey)!;
    expect(json(smsReq.body).PhoneNumberSet).toEqual(['+8613800138000']);
    const wxReq = wx.requests.find((q) => q.path.endsWith('/send') && json(q.body).client_msg_id === d[2]!.idempotencyKey)!;
    expect(json(wxReq.body).touser).toBe('oWECHATOPENID0000000001');

    // The link unsubscribes from e-mail without signing in (confirmed with a form).
    const visitor = new Browser(app);
    const page = await visitor.get(`/unsubscribe/${link![1]}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('电子邮件');
    const done = await visitor.post(`/unsubscribe/${link![1]}`, {});
    expect(done.statusCode).toBe(303);
    const later = await enqueue(e.user);
    expect((await deliveries(later.notificationId)).map((x) => x.channel)).toEqual(['sms', 'wechat']);
  });

  it('retries a failing webhook with the same key at 1, 5, 30, 120 and 720 minutes, then parks it dead', async () => {
    const e = await enterpriseUser();
    await setPrefs(e.user, { webhook: { address: `${hook.url}/in`, secret: 'whsec_retry' } });
    const n = await enqueue(e.user);
    const [d0] = await deliveries(n.notificationId);
    hookStatus = 500;
    const start = clock;
    const waits: number[] = [];
    try {
      for (let i = 0; i < 6; i++) {
        await drain();
        const [d] = await deliveries(n.notificationId);
        if (d!.status === 'dead') {
          break;
        }
        expect(d!.status).toBe('failed');
        waits.push((Date.parse(d!.nextAttemptAt) - clock.getTime()) / 60_000);
        clock = new Date(d!.nextAttemptAt);
      }
    } finally {
      hookStatus = 200;
    }
    expect(waits).toEqual([1, 5, 30, 120, 720]);
    const [dead] = await deliveries(n.notificationId);
    expect(dead!.status).toBe('dead');
    expect(dead!.attempts).toBe(6);
    expect(dead!.lastError).toMatch(/HTTP 500/);
    const sent = hook.requests.filter((q) => q.headers['x-gongkai-delivery'] === d0!.idempotencyKey);
    expect(sent).toHaveLength(6);
    for (const q of sent) {
      const sig = 'sha256=' + crypto.createHmac('sha256', 'whsec_retry').update(`${String(q.headers['x-gongkai-timestamp'])}.${q.body}`).digest('hex');
      expect(q.headers['x-gongkai-signature']).toBe(sig);
    }

    // Staff see the dead letter and send it again (audited); only the general office may.
    const admin = await makeUser(t.db, 'admin');
    const staff = new Browser(app);
    await staff.login(admin.username, admin.password);
    expect((await staff.get('/admin')).body).toContain('/admin/deliveries');
    const page = await staff.get('/admin/deliveries');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('HTTP 500');
    const editor = await makeUser(t.db, 'editor');
    const other = new Browser(app);
    await other.login(editor.username, editor.password);
    expect((await other.get('/admin/deliveries')).statusCode).toBe(403);
    const retry = await staff.post(`/admin/deliveries/${dead!.id}/retry`, {}, '/admin/deliveries');
    expect(retry.statusCode).toBe(303);
    const audit = await db().selectFrom('auditLog').select(['action', 'actorId']).where('entityType', '=', 'delivery').where('entityId', '=', String(dead!.id)).execute();
    expect(audit).toEqual([{ action: 'delivery.retry', actorId: admin.id }]);
    // The retry is due now (real time); webhooks ignore quiet hours.
    clock = new Date(Date.now() + 1000);
    await drain();
    const [again] = await deliveries(n.notificationId);
    expect([again!.status, again!.attempts]).toEqual(['sent', 1]);
    clock = start;
  });

  it('holds SMS, WeChat and e-mail during quiet hours but not the inbox or webhooks', async () => {
    const e = await enterpriseUser();
    await setPrefs(e.user, { sms: {}, webhook: { address: `${hook.url}/quiet`, secret: 's' } });
    const day = clock;
    clock = new Date('2026-03-03T15:30:00Z'); // 23:30 in Beijing
    try {
      const n = await enqueue(e.user);
      await drain();
      const [smsD, hookD] = await deliveries(n.notificationId);
      expect([smsD!.status, smsD!.attempts, smsD!.nextAttemptAt]).toEqual(['pending', 0, '2026-03-04T00:00:00.000Z']);
      expect(hookD!.status).toBe('sent');
      expect(await db().selectFrom('inboxMessage').select('id').where('notificationId', '=', n.notificationId).execute()).toHaveLength(1);
      clock = new Date('2026-03-04T00:00:30Z'); // 08:00:30
      await drain();
      expect((await deliveries(n.notificationId))[0]!.status).toBe('sent');
    } finally {
      clock = day;
    }
  });

  it('parks deliveries of an unconfigured channel as dead with the reason', async () => {
    const e = await enterpriseUser();
    const n = await enqueue(e.user);
    const bare = { ...deps, channels: createChannels(testConfig(), undefined, () => clock) };
    await drain(bare);
    const d = await deliveries(n.notificationId);
    expect(d.map((x) => [x.channel, x.status])).toEqual([
      ['email', 'dead'],
      ['sms', 'dead'],
    ]);
    expect(d[1]!.lastError).toMatch(/SMS_GATEWAY_URL/);
  });

  it('never lets two workers send the same delivery', async () => {
    const e = await enterpriseUser();
    await setPrefs(e.user, { webhook: { address: `${hook.url}/race`, secret: 's' } });
    const keys = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const n = await enqueue(e.user);
      keys.add((await deliveries(n.notificationId))[0]!.idempotencyKey);
    }
    const second = t.reconnect();
    const before = hook.requests.length;
    await Promise.all([
      (async () => {
        for (let i = 0; i < 10; i++) {
          await deliverDue(deps, { workerId: 'one', limit: 3 });
        }
      })(),
      (async () => {
        for (let i = 0; i < 10; i++) {
          await deliverDue({ ...deps, db: second.kysely }, { workerId: 'two', limit: 3 });
        }
      })(),
    ]);
    const got = hook.requests.slice(before).map((q) => String(q.headers['x-gongkai-delivery']));
    expect(got.filter((k) => keys.has(k)).sort()).toEqual([...keys].sort());
  });

  it('lets an enterprise choose channels, with errors beside the fields and a webhook secret shown once', async () => {
    const e = await enterpriseUser();
    const b = new Browser(app);
    await b.login(e.username, e.password);
    const page = await b.get('/account/notifications');
    expect(page.statusCode).toBe(200);
    const bad = await b.post('/account/notifications', { channels: ['wechat', 'webhook'], webhookUrl: 'ftp://x', mobile: '123' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="webhookUrl-error"');
    expect(bad.body).toContain('id="mobile-error"');
    expect(bad.body).toContain('value="ftp://x"');
    const missing = await b.post('/account/notifications', { channels: ['wechat'] });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('id="wechatOpenid-error"');
    expect(await db().selectFrom('recipientChannel').select('id').where('recipientKey', '=', e.creditCode).execute()).toHaveLength(0);

    const ok = await b.post('/account/notifications', { channels: ['email', 'webhook'], email: 'office@corp.example.cn', webhookUrl: `${hook.url}/mine` });
    expect(ok.statusCode).toBe(200);
    const secret = /id="webhook-secret">([^<]+)</.exec(ok.body)?.[1];
    expect(secret).toMatch(/^whsec_/);
    expect((await b.get('/account/notifications')).body).not.toContain(secret!);
    const n = await enqueue({ kind: 'enterprise', key: e.creditCode });
    expect((await deliveries(n.notificationId)).map((x) => [x.channel, x.address])).toEqual([
      ['email', 'office@corp.example.cn'],
      ['webhook', `${hook.url}/mine`],
    ]);
    await drain();
    const q = hook.requests.at(-1)!;
    expect(q.headers['x-gongkai-signature']).toBe('sha256=' + crypto.createHmac('sha256', secret!).update(`${String(q.headers['x-gongkai-timestamp'])}.${q.body}`).digest('hex'));

    const all = await b.post('/account/notifications/unsubscribe-all?for=enterprise', {}, '/account/notifications');
    expect(all.statusCode).toBe(303);
    const quiet = await enqueue({ kind: 'enterprise', key: e.creditCode });
    expect(await deliveries(quiet.notificationId)).toEqual([]);
    const audit = await db().selectFrom('auditLog').select('action').where('entityId', '=', `enterprise:${e.creditCode}`).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['notification_preferences.update', 'notification_preferences.unsubscribe_all']);
  });

  it("shows an enterprise user their own and their enterprise's inbox, newest first, with unread counts", async () => {
    const e = await enterpriseUser();
    const a = await enqueue({ kind: 'enterprise', key: e.creditCode }, `a-${uid()}`, '企业消息一');
    await enqueue(e.user, `b-${uid()}`, '个人消息二');
    const stranger = await enterpriseUser();
    const foreign = await enqueue(stranger.user, `c-${uid()}`, '别人的消息');
    const b = new Browser(app);
    await b.login(e.username, e.password);
    const page = await b.get('/account/inbox');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('共 2 条消息，其中 2 条未读');
    expect(page.body.indexOf('个人消息二')).toBeLessThan(page.body.indexOf('企业消息一'));
    expect(page.body).not.toContain('别人的消息');
    const id = (await db().selectFrom('inboxMessage').select('id').where('notificationId', '=', a.notificationId).executeTakeFirstOrThrow()).id;
    const open = await b.get(`/account/inbox/${id}`);
    expect(open.statusCode).toBe(200);
    expect(open.body).toContain('企业消息一');
    expect((await b.get('/account/inbox')).body).toContain('其中 1 条未读');
    const foreignId = (await db().selectFrom('inboxMessage').select('id').where('notificationId', '=', foreign.notificationId).executeTakeFirstOrThrow()).id;
    expect((await b.get(`/account/inbox/${foreignId}`)).statusCode).toBe(404);

    const token = await apiToken(app, e.username, e.password);
    const api = await app.inject({ method: 'GET', url: '/api/v1/inbox', headers: { authorization: `Bearer ${token}` } });
    expect(api.statusCode).toBe(200);
    const body = api.json<{ items: Array<{ id: number; read: boolean }>; unread: number; total: number }>();
    expect([body.total, body.unread]).toEqual([2, 1]);
    const unreadId = body.items.find((i) => !i.read)!.id;
    const mark = await app.inject({ method: 'POST', url: `/api/v1/inbox/${unreadId}/read`, headers: { authorization: `Bearer ${token}` } });
    expect(mark.json()).toEqual({ id: unreadId, read: true });
    expect((await b.get('/account/inbox?lang=en')).body).toContain('2 messages, 0 unread');
    expect((await app.inject({ method: 'GET', url: '/api/v1/inbox' })).statusCode).toBe(401);
  });
});
