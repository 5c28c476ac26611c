import { parentPort } from 'node:worker_threads';
import type { FactColumns } from './navigator.compile.js';
import { compileBatch } from './navigator.codegen.js';
import type { ClassifyJob, WorkerMessage } from './navigator.classify-pool.js';

// A classifying thread: holds the directory's columns (shared memory, no copy) and judges one rule
// against all of them per job, writing the classes into the job's shared output array.
let cols: FactColumns | undefined;

parentPort!.on('message', (m: WorkerMessage) => {
  if (m.kind === 'columns') {
    cols = m.cols;
    return;
  }
  const job: ClassifyJob = m.job;
  compileBatch(job.tree, cols!, job.referenceDate)(job.out);
  parentPort!.postMessage(job.seq);
});
