import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FactColumns } from './navigator.compile.js';
import { compileBatch } from './navigator.codegen.js';
import type { Condition } from './navigator.rules.js';

// Classifying many rules against the whole directory uses every core: worker threads share the
// directory's columns (SharedArrayBuffer) and each judges whole rules, while the calling thread stores
// the results. Results come back in the order asked, so a run does the same thing on one core or many.
// Small runs, and columns not in shared memory, are classified on the calling thread.

/** Below this many rule × enterprise evaluations, starting threads costs more than it saves. */
export const PARALLEL_MIN_WORK = 50_000_000;

/** One rule to judge, with the shared array its classes go into. */
export interface ClassifyJob {
  seq: number;
  tree: Condition;
  referenceDate: string;
  out: Int32Array;
}

/** What the calling thread sends a worker. */
export type WorkerMessage = { kind: 'columns'; cols: FactColumns } | { kind: 'job'; job: ClassifyJob };

const shared = (cols: FactColumns) => cols.ids.buffer instanceof SharedArrayBuffer;

/**
 * The classes of each rule over the columns, in order. Each yielded array is valid until the next
 * step of the iteration (it is then reused).
 */
export async function* classifyRules(cols: FactColumns, rules: Condition[], referenceDate: string, opts: { threads?: number } = {}): AsyncGenerator<Int32Array> {
  const threads = opts.threads ?? Math.min(os.availableParallelism(), 4);
  if (threads < 1 || !shared(cols) || (opts.threads === undefined && cols.size * rules.length < PARALLEL_MIN_WORK)) {
    const out = new Int32Array(cols.size);
    for (const rule of rules) {
      compileBatch(rule, cols, referenceDate)(out);
      yield out;
    }
    return;
  }
  const entry = new URL('./navigator.classify-worker.ts', import.meta.url).href;
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./navigator.classify-boot.mjs', import.meta.url), { workerData: { entry } }));
  // Two arrays per thread: one being filled while the caller stores the previous one.
  const free: Int32Array[] = Array.from({ length: threads * 2 + 1 }, () => new Int32Array(new SharedArrayBuffer(cols.size * 4)));
  const done = new Map<number, Int32Array>();
  const waiting = new Map<number, { resolve: (out: Int32Array) => void; reject: (e: unknown) => void }>();
  const idle: Worker[] = [];
  const busy = new Map<Worker, { seq: number; out: Int32Array }>();
  let failure: unknown;
  let next = 0;
  const dispatch = () => {
    while (idle.length > 0 && free.length > 0 && next < rules.length) {
      const w = idle.pop()!;
      const job: ClassifyJob = { seq: next, tree: rules[next]!, referenceDate, out: free.pop()! };
      busy.set(w, { seq: job.seq, out: job.out });
      w.postMessage({ kind: 'job', job } satisfies WorkerMessage);
      next += 1;
    }
  };
  const fail = (e: unknown) => {
    failure ??= e;
    for (const p of waiting.values()) {
      p.reject(failure);
    }
    waiting.clear();
  };
  for (const w of workers) {
    w.on('message', (seq: number) => {
      const b = busy.get(w)!;
      busy.delete(w);
      idle.push(w);
      const p = waiting.get(seq);
      if (p) {
        waiting.delete(seq);
        p.resolve(b.out);
      } else {
        done.set(seq, b.out);
      }
      dispatch();
    });
    w.on('error', fail);
    w.postMessage({ kind: 'columns', cols } satisfies WorkerMessage);
    idle.push(w);
  }
  try {
    dispatch();
    for (let seq = 0; seq < rules.length; seq++) {
      if (failure) {
        throw failure;
      }
      const ready = done.get(seq);
      done.delete(seq);
      const out = ready ?? (await new Promise<Int32Array>((resolve, reject) => waiting.set(seq, { resolve, reject })));
      yield out;
      free.push(out);
      dispatch();
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
