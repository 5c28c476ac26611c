import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { e164, smsChannel } from './sms.js';
import { wechatChannel } from './wechat.js';
import { isPrivateAddress, webhookChannel, webhookSignature } from './webhook.js';
import { UndeliverableError, type OutgoingMessage } from './types.js';
import { startStub } from './stub-server.test-helper.js';

const message = (over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  deliveryId: 7,
  notificationId: 3,
  idempotencyKey: 'b6f1c2de-0000-4000-8000-000000000001',
  channel: 'sms',
  address: '13800138000',
  webhookSecret: '',
  recipient: { kind: 'enterprise', key: '91442000MA4W1234X5' },
  topic: 'policy-match',
  title: '贵企业可能符合《中山市科技创新券实施办法》的条件',
  body: '请登录查看匹配理由。',
  url: 'http://portal.test/policies/12',
  unsubscribeUrl: null,
  createdAt: '2026-03-03T02:00:00.000Z',
  ...over,
});

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((s) => s()));
});

// An independent reading of Tencent Cloud's TC3-HMAC-SHA256 (API 3.0 signature v3), to check the adapter.
function expectedTc3(secretKey: string, headers: Record<string, string | string[] | undefined>, body: string, service: string): string {
  const h = (k: string) => String(headers[k]);
  const ts = Number(h('x-tc-timestamp'));
  const date = new Date(ts * 1000).toISOString().slice(0, 10);
  const hash = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest('hex');
  const canonicalRequest = `POST\n/\n\ncontent-type:${h('content-type')}\nhost:${h('host')}\nx-tc-action:${h('x-tc-action').toLowerCase()}\n\ncontent-type;host;x-tc-action\n${hash(body)}`;
  const stringToSign = `TC3-HMAC-SHA256\n${ts}\n${date}/${service}/tc3_request\n${hash(canonicalRequest)}`;
  const kDate = crypto.createHmac('sha256', `TC3${secretKey}`).update(date).digest();
  const kService = crypto.createHmac('sha256', kDate).update(service).digest();
  const kSigning = crypto.createHmac('sha256', kService).update('tc3_request').digest();
  return crypto.createHmac('sha256', kSigning).update(stringToSign).digest('hex');
}

describe('SMS adapter (Tencent Cloud SendSms)', () => {
  it('posts the SendSms shape, signed with TC3-HMAC-SHA256', async () => {
    const stub = await startStub(() => ({ json: { Response: { SendStatusSet: [{ Code: 'Ok', Message: 'send success', SerialNo: '2028:abc', PhoneNumber: '+8613800138000' }], RequestId: 'r-1' } } }));
    stops.push(stub.close);
    const cfg = { url: stub.url, appId: '1400006666', secretId: 'AKIDtest', secretKey: 'secret-key-1', signName: '中山政务公开', templateId: '449739', region: 'ap-guangzhou' };
    const ref = await smsChannel(cfg, () => new Date('2026-03-03T02:00:00Z')).send(message());
    expect(ref).toBe('2028:abc');
    const [req] = stub.requests;
    expect(req!.method).toBe('POST');
    expect(JSON.parse(req!.body)).toEqual({
      PhoneNumberSet: ['+8613800138000'],
      SmsSdkAppId: '1400006666',
      SignName: '中山政务公开',
      TemplateId: '449739',
      TemplateParamSet: ['贵企业可能符合《中山市科技创新券实施办法》的条件'],
      SessionContext: 'b6f1c2de-0000-4000-8000-000000000001',
    });
    expect(req!.headers['x-tc-action']).toBe('SendSms');
    expect(req!.headers['x-tc-version']).toBe('2021-01-11');
    expect(req!.headers['x-tc-region']).toBe('ap-guangzhou');
    expect(req!.headers['x-tc-timestamp']).toBe(String(Date.parse('2026-03-03T02:00:00Z') / 1000));
    const auth = String(req!.headers.authorization);
    expect(auth).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDtest\/2026-03-03\/sms\/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=[0-9a-f]{64}$/);
    expect(auth.split('Signature=')[1]).toBe(expectedTc3('secret-key-1', req!.headers, req!.body, 'sms'));
  });

  it('treats a gateway error as retryable and a wrong number as permanent', async () => {
    let reply: unknown = { Response: { Error: { Code: 'InternalError', Message: 'busy' }, RequestId: 'r' } };
    const stub = await startStub(() => ({ json: reply }));
    stops.push(stub.close);
    const sms = smsChannel({ url: stub.url, appId: 'a', secretId: 'b', secretKey: 'c', signName: 'd', templateId: 'e', region: 'ap-guangzhou' });
    await expect(sms.send(message())).rejects.toThrow(/InternalError/);
    reply = { Response: { SendStatusSet: [{ Code: 'InvalidParameterValue.IncorrectPhoneNumber', Message: 'bad number' }] } };
    await expect(sms.send(message())).rejects.toBeInstanceOf(UndeliverableError);
  });

  it('is disabled without a gateway URL and writes numbers in E.164', () => {
    expect(smsChannel({ url: undefined, appId: '', secretId: '', secretKey: '', signName: '', templateId: '', region: '' }).disabledReason()).toMatch(/SMS_GATEWAY_URL/);
    expect(e164('13800138000')).toBe('+8613800138000');
    expect(e164('+8613800138000')).toBe('+8613800138000');
  });
});

describe('WeChat template message adapter', () => {
  it('fetches an access token, caches it, sends the template and refreshes an expired token once', async () => {
    let tokens = 0;
    let expireNext = false;
    const stub = await startStub((r) => {
      if (r.path === '/cgi-bin/token') {
        tokens++;
        return { json: { access_token: `TOKEN-${tokens}`, expires_in: 7200 } };
      }
      if (expireNext && r.query.get('access_token') === 'TOKEN-1') {
        return { json: { errcode: 42001, errmsg: 'access_token expired' } };
      }
      return { json: { errcode: 0, errmsg: 'ok', msgid: 200228332 } };
    });
    stops.push(stub.close);
    const wx = wechatChannel({ apiBase: stub.url, appId: 'wx0123456789abcdef', appSecret: 'app-secret', templateId: 'TPL-1' });
    const m = message({ channel: 'wechat', address: 'oABCDEFGHIJKLMNOPQRSTUVWXYZ0' });
    expect(await wx.send(m)).toBe('200228332');
    expect(await wx.send(m)).toBe('200228332');
    expect(tokens).toBe(1);
    const tokenReq = stub.requests[0]!;
    expect(tokenReq.method).toBe('GET');
    expect(Object.fromEntries(tokenReq.query)).toEqual({ grant_type: 'client_credential', appid: 'wx0123456789abcdef', secret: 'app-secret' });
    const send = stub.requests[1]!;
    expect(send.method).toBe('POST');
    expect(send.path).toBe('/cgi-bin/message/template/send');
    expect(send.query.get('access_token')).toBe('TOKEN-1');
    expect(JSON.parse(send.body)).toEqual({
      touser: 'oABCDEFGHIJKLMNOPQRSTUVWXYZ0',
      template_id: 'TPL-1',
      url: 'http://portal.test/policies/12',
      client_msg_id: m.idempotencyKey,
      data: {
        first: { value: '您有一条新的政务公开平台消息' },
        keyword1: { value: m.title },
        keyword2: { value: '2026-03-03 10:00' },
        remark: { value: m.body },
      },
    });
    // The token expires early (42001): one new token, then the message goes out.
    expireNext = true;
    expect(await wx.send(m)).toBe('200228332');
    expect(tokens).toBe(2);
    expect(stub.requests.at(-1)!.query.get('access_token')).toBe('TOKEN-2');
  });

  it('fails on a non-zero errcode, permanently for an unknown openid', async () => {
    const stub = await startStub((r) => (r.path === '/cgi-bin/token' ? { json: { access_token: 'T', expires_in: 7200 } } : { json: { errcode: 40003, errmsg: 'invalid openid' } }));
    stops.push(stub.close);
    const wx = wechatChannel({ apiBase: stub.url, appId: 'a', appSecret: 'b', templateId: 'c' });
    await expect(wx.send(message({ channel: 'wechat', address: 'o-unknown-openid-000' }))).rejects.toBeInstanceOf(UndeliverableError);
    expect(wechatChannel({ apiBase: stub.url, appId: '', appSecret: '', templateId: '' }).disabledReason()).toMatch(/WECHAT_APP_ID/);
  });
});

describe('webhook adapter', () => {
  it('posts signed JSON with the event, delivery key and timestamp headers', async () => {
    const stub = await startStub(() => ({ status: 204, json: {} }));
    stops.push(stub.close);
    const secret = 'whsec_test';
    const m = message({ channel: 'webhook', address: `${stub.url}/hooks/gongkai`, webhookSecret: secret });
    await webhookChannel(() => new Date('2026-03-03T02:00:00Z'), { allowPrivate: true }).send(m);
    const req = stub.requests[0]!;
    expect(req.path).toBe('/hooks/gongkai');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['x-gongkai-event']).toBe('policy-match');
    expect(req.headers['x-gongkai-delivery']).toBe(m.idempotencyKey);
    expect(req.headers['x-gongkai-timestamp']).toBe('1772503200');
    // What a receiver does: HMAC-SHA256 over "timestamp.body" with its secret, compared in constant time.
    const expected = 'sha256=' + crypto.createHmac('sha256', secret).update(`1772503200.${req.body}`).digest('hex');
    expect(crypto.timingSafeEqual(Buffer.from(String(req.headers['x-gongkai-signature'])), Buffer.from(expected))).toBe(true);
    expect(webhookSignature(secret, '1772503200', req.body)).toBe(expected);
    expect(JSON.parse(req.body)).toEqual({
      id: m.idempotencyKey,
      event: 'policy-match',
      createdAt: m.createdAt,
      recipient: m.recipient,
      notification: { id: 3, topic: 'policy-match', title: m.title, body: m.body, url: m.url },
    });
  });

  it('fails on a non-2xx answer', async () => {
    const stub = await startStub(() => ({ status: 500, json: { error: 'down' } }));
    stops.push(stub.close);
    await expect(webhookChannel(undefined, { allowPrivate: true }).send(message({ channel: 'webhook', address: stub.url, webhookSecret: 's' }))).rejects.toThrow(/HTTP 500/);
  });

  it('refuses addresses on the portal\'s own network unless allowed', async () => {
    const stub = await startStub(() => ({ json: {} }));
    stops.push(stub.close);
    await expect(webhookChannel().send(message({ channel: 'webhook', address: stub.url, webhookSecret: 's' }))).rejects.toBeInstanceOf(UndeliverableError);
    expect(stub.requests).toHaveLength(0);
    expect(['10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '::1', 'fd00::1', '::ffff:127.0.0.1'].filter((a) => !isPrivateAddress(a))).toEqual([]);
    expect(['8.8.8.8', '203.119.0.1', '2400:3200::1'].filter(isPrivateAddress)).toEqual([]);
  });
});
