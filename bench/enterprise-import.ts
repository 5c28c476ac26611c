import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { enterpriseRowsCsv, generateEnterpriseRows, importEnterprises } from '../src/modules/enterprises/index.js';

// The import benchmark: a generated registration file of `count` rows written to a temporary CSV, then
// imported into a fresh SQLite file database through the same code path as the upload and the CLI.
// Peak resident memory is sampled every 100 ms over the import (file writing excluded).

/** Writes `count` generated rows as CSV to a file, honouring back-pressure. */
async function writeCsv(file: string, count: number, seed: number): Promise<void> {
  const out = fs.createWriteStream(file);
  for (const line of enterpriseRowsCsv(generateEnterpriseRows(count, seed))) {
    if (!out.write(line)) {
      await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
}

/** Imports `count` generated enterprises into a fresh SQLite file; rows per second and peak RSS. */
export async function benchEnterpriseImport(count: number): Promise<{ rows: number; seconds: number; rowsPerSecond: number; peakRssMb: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-import-'));
  const csvFile = path.join(dir, 'enterprises.csv');
  const db = connect(`sqlite:${path.join(dir, 'bench.db')}`);
  try {
    await migrateToLatest(db);
    await writeCsv(csvFile, count, 20261129);
    let peak = process.memoryUsage.rss();
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 100);
    const started = performance.now();
    const report = await importEnterprises(db.kysely, fs.createReadStream(csvFile), 'csv', { fileName: 'bench.csv' });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage.rss());
    if (report.inserted !== count) {
      throw new Error(`import bench: expected ${count} rows, got ${report.inserted} (refused ${report.refused})`);
    }
    return { rows: count, seconds, rowsPerSecond: count / seconds, peakRssMb: peak / 1024 / 1024 };
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx bench/enterprise-import.ts 100000` runs it alone.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const n = Number(process.argv[2] ?? 100_000);
  benchEnterpriseImport(n)
    .then((r) => console.log(JSON.stringify(r)))
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
