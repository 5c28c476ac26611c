import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { TestDb } from './helpers/db.js';
import { startTestApp, stopTestApp } from './helpers/app.js';

describe('deadline calculator', () => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => ({ t, app } = await startTestApp()));
  afterAll(() => stopTestApp(t, app));

  it('explains 20 working days after 30 September 2026 across National Day', async () => {
    const r = await app.inject('/api/v1/calendar/deadline?start=2026-09-30&days=20');
    expect(r.statusCode).toBe(200);
    const body = r.json<{ deadline: string; explanation: string; makeUpWorkdays: string[]; skipped: { holidays: number } }>();
    expect(body.deadline).toBe('2026-11-03');
    expect(body.makeUpWorkdays).toContain('2026-10-10');
    expect(body.skipped.holidays).toBe(7);
    expect(body.explanation).toContain('国庆节');
    const en = await app.inject('/api/v1/calendar/deadline?start=2026-09-30&days=20&lang=en');
    expect(en.json<{ explanation: string }>().explanation).toMatch(/National Day/);
  });

  it('refuses an impossible date with a field message, on the page and in the API', async () => {
    const api = await app.inject('/api/v1/calendar/deadline?start=2026-02-30&days=3');
    expect(api.statusCode).toBe(400);
    expect(api.json<{ error: { fields: Array<{ field: string }> } }>().error.fields[0]!.field).toBe('querystring.start');
    const page = await app.inject({ url: '/tools/deadline?start=2026-02-30&days=3', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('id="start-error"');
    expect(page.body).toContain('value="2026-02-30"');
  });

  it('lists every day with why it counted on the page', async () => {
    const page = await app.inject({ url: '/tools/deadline?start=2026-09-30&days=20', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<time dateTime="2026-11-03">2026-11-03</time>'.replace('dateTime', 'datetime'));
    expect(page.body).toContain('法定节假日（国庆节），不计入');
    expect(page.body).toContain('调休上班日');
  });
});
