import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDb, TEST_DIALECT, type TestDb } from './helpers/db.js';
import { Browser, buildTestApp } from './helpers/app.js';
import { loadDemoData } from '../src/demo/demo.js';
import { staticA11y } from './helpers/static-a11y.js';

// Every link on the demo portal answers, for each kind of visitor: the crawler follows the links of
// each page it gets (GET only: every change is a form post), breadth first from the home page and the
// visitor's own start page. Each path prefix is sampled (a list of 9,300 suggestions needs a few of its
// pages, not all), and list pages past the second are skipped. A 4xx or 5xx names the page linking to it.
// Every page it reads also passes the static accessibility checks (helpers/static-a11y.ts); the
// browser journeys check contrast and accessible names on the pages they visit.

const PAGES_PER_VISITOR = 700;
const PER_PREFIX = 40;
/** Pages the portal does not draw itself: Swagger UI's API reference. */
const NOT_OURS = /^\/api\/docs/;

/** Where a link leads, if the crawler should follow it: local, not a static file, not a language or mode switch. */
function followable(href: string): string | undefined {
  const url = href.replace(/&amp;/g, '&');
  if (!url.startsWith('/') || url.startsWith('//') || url.startsWith('/static/') || /[?&](lang|mode)=/.test(url) || /[?&]page=([3-9]|\d{2,})/.test(url)) {
    return undefined;
  }
  return url.split('#')[0];
}

async function crawl(b: Browser, start: string[]): Promise<{ visited: number; broken: string[]; unfit: string[] }> {
  const from = new Map<string, string>(start.map((s) => [s, '(start)']));
  const queue = [...start];
  const perPrefix = new Map<string, number>();
  const broken: string[] = [];
  const unfit: string[] = [];
  let visited = 0;
  while (queue.length > 0 && visited < PAGES_PER_VISITOR) {
    const url = queue.shift()!;
    visited++;
    const res = await b.get(url);
    if (res.statusCode >= 400) {
      broken.push(`${res.statusCode} ${url} ← ${from.get(url)}`);
    }
    if (!String(res.headers['content-type'] ?? '').startsWith('text/html')) {
      continue;
    }
    if (!NOT_OURS.test(url)) {
      unfit.push(...staticA11y(res.body).map((p) => `${url}: ${p}`));
    }
    for (const m of res.body.matchAll(/href="([^"]+)"/g)) {
      const next = followable(m[1]!);
      if (!next || from.has(next)) {
        continue;
      }
      const prefix = next.split('?')[0]!.split('/').slice(0, 3).join('/');
      const n = perPrefix.get(prefix) ?? 0;
      if (n >= PER_PREFIX) {
        continue;
      }
      perPrefix.set(prefix, n + 1);
      from.set(next, url);
      queue.push(next);
    }
  }
  return { visited, broken, unfit };
}

describe(`every link of the demo portal answers (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDb();
    await loadDemoData(t.db);
    app = await buildTestApp(t.db);
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const visitors: Array<{ who: string; login?: [string, string]; start: string[] }> = [
    { who: 'the public', start: ['/'] },
    { who: 'a citizen', login: ['citizen', 'gongkai-citizen-2026'], start: ['/account', '/'] },
    { who: 'an enterprise', login: ['enterprise', 'gongkai-enterprise-2026'], start: ['/account', '/navigator', '/'] },
    { who: 'a department editor', login: ['editor', 'gongkai-editor-2026'], start: ['/account', '/admin'] },
    { who: 'the general office', login: ['admin', 'gongkai-admin-2026'], start: ['/account', '/admin'] },
  ];
  for (const v of visitors) {
    it(`for ${v.who}, in Chinese, then in English in elderly mode`, async () => {
      const b = new Browser(app);
      if (v.login) {
        expect((await b.login(...v.login)).statusCode).toBe(303);
      }
      const zh = await crawl(b, v.start);
      expect(zh.broken).toEqual([]);
      expect(zh.unfit).toEqual([]);
      expect(zh.visited).toBeGreaterThan(100);
      await b.get('/?lang=en&mode=elderly');
      const en = await crawl(b, v.start);
      expect(en.broken).toEqual([]);
      expect(en.unfit).toEqual([]);
    }, 240_000);
  }
});
