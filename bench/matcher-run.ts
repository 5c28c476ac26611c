import { benchEngines, benchEnterprises, benchFullMatch, benchRules } from './matcher.js';

// Run by bench/run.ts in a child process of its own (a million enterprises' facts stay out of the
// parent's heap); prints one JSON line with the results.
const enginesEnterprises = benchEnterprises(100_000);
const engines = await benchEngines(enginesEnterprises, benchRules(100));
const full = benchFullMatch(benchEnterprises(Number(process.env.BENCH_ENTERPRISES ?? 1_000_000)), benchRules(Number(process.env.BENCH_RULES ?? 1000)));
process.send?.({ engines, full, enterprises: Number(process.env.BENCH_ENTERPRISES ?? 1_000_000), rules: Number(process.env.BENCH_RULES ?? 1000) });
