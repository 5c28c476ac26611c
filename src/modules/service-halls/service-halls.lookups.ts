import type { Executor } from '../../http/context.js';
import * as repo from './service-halls.repository.js';

/** Every window (of an active hall) that accepts an item, each with its hall, in hall-code order. */
export async function windowsAccepting(db: Executor, itemId: number): Promise<Array<{ window: repo.WindowRow; hall: repo.HallRow }>> {
  const windows = await repo.windowsAcceptingItem(db, itemId);
  const halls = new Map((await repo.hallsByIds(db, [...new Set(windows.map((w) => w.hallId))])).map((h) => [h.id, h]));
  return windows.map((w) => ({ window: w, hall: halls.get(w.hallId)! }));
}
