import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { buildTestApp } from '../helpers/app.js';
import { loadDemoData } from '../../src/demo/demo.js';
import { contrastFailures, landmarks, unlabelledControls } from './a11y.js';

// What every browser journey sets up the same way: Debian's Chromium (never a downloaded browser),
// the portal on a fresh SQLite database with the demo data, and the accessibility checks of a page.

/** Debian's Chromium, headless, with nothing phoning home. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

/** The real app listening on a random port over a fresh SQLite database holding the demo data. */
export async function serveDemo(): Promise<{ t: TestDb; app: FastifyInstance; base: string }> {
  const t = await createTestDb('sqlite');
  await loadDemoData(t.db);
  const app = await buildTestApp(t.db);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { t, app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

/** Contrast ≥ 4.5:1, every control labelled, one main, one banner, one contentinfo landmark. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await contrastFailures(page)).toEqual([]);
  expect(await unlabelledControls(page)).toEqual([]);
  const l = await landmarks(page);
  expect(l.main).toBe(1);
  expect(l.banner).toBe(1);
  expect(l.contentinfo).toBe(1);
}
