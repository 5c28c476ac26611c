import { benchEnterpriseImport } from './enterprise-import.js';

// Run by bench/run.ts in a child process of its own, so that its peak memory is the import's alone.
const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
process.send?.(await benchEnterpriseImport(rows));
