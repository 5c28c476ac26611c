// Worker threads start from plain JavaScript: this file teaches the thread TypeScript (tsx, as the
// portal itself runs) and then loads the worker module named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
