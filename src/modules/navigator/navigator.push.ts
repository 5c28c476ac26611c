import type { Executor } from '../../http/context.js';
import { nowIso } from '../../platform/clock.js';
import { enqueueNotifications, type NotificationInput } from '../../platform/outbox/index.js';
import { creditCodesOf } from '../enterprises/index.js';
import { policyBriefs, type PolicyBrief } from '../policies/index.js';
import * as repo from './navigator.repository.js';

// Pushing new matches (主动推送): one message per enterprise per run, naming the policy, or the first
// few of several. A run with new matches for a few thousand enterprises writes their notifications in
// its own transaction. A run with more (a first match notifies nearly every enterprise) writes one
// *push batch* in its transaction instead — every enterprise and its new policies, packed — and a job
// turns the batch into notifications a slice at a time, each slice in its own transaction together
// with the batch's cursor. Either way the intent to push is committed with the match, the dedupe keys
// make a slice done twice harmless, and the pushed bits (navigator.tiles.ts) mean a policy is pushed
// to an enterprise once.

/** Policies named in a message listing several. */
export const LISTED = 3;
/** Up to this many enterprises, a run writes their notifications itself. */
export const INLINE_PUSH_LIMIT = 5_000;
/** Enterprises notified per transaction when a batch is expanded. */
const SLICE = 5_000;
/** Int32 values per enterprise in a batch: id, count, LISTED policy ids. */
const ENTRY = 2 + LISTED;
const TOPIC = 'policy-match';

/** New matches of one run, by enterprise row: how many, and the first few policies. */
export class NewMatches {
  readonly count: Int32Array;
  readonly first: Int32Array;

  constructor(readonly size: number) {
    this.count = new Int32Array(size);
    this.first = new Int32Array(size * LISTED);
  }

  add(row: number, policyId: number): void {
    const n = this.count[row]!;
    if (n < LISTED) {
      this.first[row * LISTED + n] = policyId;
    }
    this.count[row] = n + 1;
  }

  /** The rows with new matches. */
  rows(): number[] {
    const out: number[] = [];
    for (let row = 0; row < this.size; row++) {
      if (this.count[row]! > 0) {
        out.push(row);
      }
    }
    return out;
  }

  /** The policies named for a row. */
  listed(row: number): number[] {
    return Array.from(this.first.subarray(row * LISTED, row * LISTED + Math.min(this.count[row]!, LISTED)));
  }
}

/** The message of one enterprise's new matches. */
export function matchNotification(creditCode: string, n: number, policies: PolicyBrief[], referenceDate: string): NotificationInput {
  const recipient = { kind: 'enterprise', key: creditCode };
  if (n === 1) {
    const p = policies[0]!;
    return {
      recipient,
      dedupeKey: `policy-match:${creditCode}:${p.id}`,
      topic: TOPIC,
      title: `新的惠企政策与您匹配：${p.title}`,
      body: `根据贵单位登记和申报的信息，《${p.title}》${p.docNumber ? `（${p.docNumber}）` : ''}的适用条件均已满足。登录查看符合的理由、申报条件和办理指南。`,
      link: `/navigator#policy-${p.id}`,
    };
  }
  const titles = policies.map((p) => `《${p.title}》`).join('、');
  return {
    recipient,
    dedupeKey: `policy-match:${creditCode}:${referenceDate}:${policies.map((p) => p.id).join(',')}:${n}`,
    topic: TOPIC,
    title: `${n} 项新的惠企政策与您匹配`,
    body: `根据贵单位登记和申报的信息，${titles}${n > policies.length ? `等 ${n} 项政策` : ''}的适用条件均已满足。登录查看符合的理由、申报条件和办理指南。`,
    link: '/navigator',
  };
}

/**
 * Pushes a run's new matches: notifications now for a few thousand enterprises, else one batch for
 * the job. Returns how many enterprises are (or will be) notified.
 */
export async function pushNewMatches(trx: Executor, fresh: NewMatches, rowIds: ArrayLike<number>, creditCodes: ArrayLike<string>, briefs: ReadonlyMap<number, PolicyBrief>, referenceDate: string): Promise<number> {
  const rows = fresh.rows();
  if (rows.length === 0) {
    return 0;
  }
  if (rows.length > INLINE_PUSH_LIMIT) {
    const payload = new Int32Array(rows.length * ENTRY);
    rows.forEach((row, k) => {
      payload[k * ENTRY] = rowIds[row]!;
      payload[k * ENTRY + 1] = fresh.count[row]!;
      payload.set(fresh.listed(row), k * ENTRY + 2);
    });
    await repo.insertPushBatch(trx, { topic: TOPIC, referenceDate, entries: rows.length, payload: new Uint8Array(payload.buffer), createdAt: nowIso() });
    return rows.length;
  }
  const inputs = rows.map((row) =>
    matchNotification(
      creditCodes[row]!,
      fresh.count[row]!,
      fresh.listed(row).map((id) => briefs.get(id)!),
      referenceDate,
    ),
  );
  return (await enqueueNotifications(trx, inputs)).filter((r) => r.created).length;
}

/** Notifies the next slice of the oldest unfinished batch, in one transaction; false when none is left. */
async function expandSlice(trx: Executor): Promise<boolean> {
  const batch = await repo.openPushBatch(trx);
  if (!batch) {
    return false;
  }
  const count = Math.min(SLICE, batch.entries - batch.cursor);
  const bytes = await repo.pushBatchSlice(trx, batch.id, batch.cursor * ENTRY * 4, count * ENTRY * 4);
  const values = new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + count * ENTRY * 4));
  const entries = Array.from({ length: count }, (_, k) => ({ id: values[k * ENTRY]!, n: values[k * ENTRY + 1]!, policies: Array.from(values.subarray(k * ENTRY + 2, k * ENTRY + 2 + Math.min(values[k * ENTRY + 1]!, LISTED))) }));
  const codes = await creditCodesOf(
    trx,
    entries.map((e) => e.id),
  );
  const briefs = new Map((await policyBriefs(trx, [...new Set(entries.flatMap((e) => e.policies))])).map((p) => [p.id, p]));
  const inputs = entries.flatMap((e) => {
    const code = codes.get(e.id);
    const policies = e.policies.flatMap((id) => (briefs.has(id) ? [briefs.get(id)!] : []));
    // An enterprise or policy gone since the match has nothing left to say.
    return code && policies.length > 0 ? [matchNotification(code, e.n, policies, batch.referenceDate)] : [];
  });
  await enqueueNotifications(trx, inputs);
  const cursor = batch.cursor + count;
  await repo.advancePushBatch(trx, batch.id, batch.cursor, cursor, cursor >= batch.entries ? nowIso() : null);
  return true;
}

/** The job: expands push batches slice by slice (each slice its own transaction); returns the slices done. */
export async function expandPushBatches(db: Executor, opts: { maxSlices?: number } = {}): Promise<number> {
  let done = 0;
  while (done < (opts.maxSlices ?? Number.POSITIVE_INFINITY)) {
    // Most runs of the job find nothing: a plain read first, so they take no write lock.
    if (!db.isTransaction && !(await repo.openPushBatch(db))) {
      break;
    }
    const more = db.isTransaction ? await expandSlice(db) : await db.transaction().execute(expandSlice);
    if (!more) {
      break;
    }
    done += 1;
  }
  return done;
}
