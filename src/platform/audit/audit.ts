import crypto from 'node:crypto';
import type { Actor, Executor } from '../../http/context.js';
import { nowIso } from '../clock.js';
import * as repo from './audit.repository.js';

/** The hash before the first entry: the chain's fixed anchor. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an entry that the hash covers, in a fixed order. */
export interface AuditContent {
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  beforeJson: string | null;
  afterJson: string | null;
  ip: string;
  requestId: string;
}

/** sha256 over the previous hash and the entry's content: changing any past entry breaks every later link. */
export function entryHash(prevHash: string, c: AuditContent): string {
  const canonical = JSON.stringify([
    prevHash,
    c.at,
    c.actorId,
    c.actorName,
    c.action,
    c.entityType,
    c.entityId,
    c.beforeJson,
    c.afterJson,
    c.ip,
    c.requestId,
  ]);
  return crypto.createHash('sha256').update(canonical).digest('hex');
}

function toJson(v: unknown): string | null {
  return v === undefined || v === null ? null : JSON.stringify(v);
}

/**
 * Appends one entry to the audit log, inside the caller's transaction so the entry and the change
 * it records commit together. The chain head is locked, so concurrent writers queue instead of forking.
 */
export async function recordAudit(
  trx: Executor,
  actor: Actor,
  entry: { action: string; entityType: string; entityId: string | number; before?: unknown; after?: unknown },
): Promise<void> {
  const head = await repo.lockHead(trx);
  const content: AuditContent = {
    at: nowIso(),
    actorId: actor.userId,
    actorName: actor.name,
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    beforeJson: toJson(entry.before),
    afterJson: toJson(entry.after),
    ip: actor.ip,
    requestId: actor.requestId,
  };
  const prevHash = head?.hash ?? GENESIS_HASH;
  const hash = entryHash(prevHash, content);
  await repo.insertEntry(trx, { ...content, prevHash, hash });
  await repo.saveHead(trx, { hash, count: (head?.count ?? 0) + 1 }, head === null);
}

/** The result of checking the chain. */
export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** The first entry whose content or link does not match, when broken. */
  brokenAtId: number | null;
  reason: 'content_changed' | 'link_broken' | 'entries_missing' | null;
}

/** Recomputes every hash from the first entry and checks the links and the stored head. */
export async function verifyAuditChain(db: Executor): Promise<ChainVerification> {
  let prev = GENESIS_HASH;
  let checked = 0;
  let afterId = 0;
  for (;;) {
    const rows = await repo.entriesAfter(db, afterId, 1000);
    if (rows.length === 0) {
      break;
    }
    for (const r of rows) {
      if (r.prevHash !== prev) {
        return { ok: false, checked, brokenAtId: r.id, reason: 'link_broken' };
      }
      if (entryHash(r.prevHash, r) !== r.hash) {
        return { ok: false, checked, brokenAtId: r.id, reason: 'content_changed' };
      }
      prev = r.hash;
      checked++;
      afterId = r.id;
    }
  }
  const head = await repo.readHead(db);
  // Deleting the newest entries leaves a valid-looking chain; the head stored apart catches it.
  if ((head?.count ?? 0) !== checked || (head?.hash ?? GENESIS_HASH) !== prev) {
    return { ok: false, checked, brokenAtId: null, reason: 'entries_missing' };
  }
  return { ok: true, checked, brokenAtId: null, reason: null };
}

/** Builds an Actor from what the HTTP layer knows (used by routes). */
export function actorOf(user: { id: number; displayName: string; username: string } | null, ip: string, requestId: string): Actor {
  return user ? { userId: user.id, name: `${user.displayName} (${user.username})`, ip, requestId } : { userId: null, name: 'anonymous', ip, requestId };
}
