import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { nowIso } from '../../platform/clock.js';
import type { ChannelNeed } from './expropriation.directory.js';
import type { ItemInput, ProjectEditInput } from './expropriation.edit-schema.js';
import { requireProjectStaff } from './expropriation.policy.js';
import * as repo from './expropriation.repository.js';
import { getProject } from './expropriation.service.js';

// Staff edits of a project's own fields and of its disclosure directory (rows added, changed, removed).

/** The stored channel map of a row from the two checkbox lists. */
export function channelMap(input: Pick<ItemInput, 'channelsRequired' | 'channelsOptional'>): Record<string, ChannelNeed> {
  return { ...Object.fromEntries(input.channelsOptional.map((c) => [c, 'optional'])), ...Object.fromEntries(input.channelsRequired.map((c) => [c, 'required'])) };
}

/** The two checkbox lists of a stored row's channel map. */
export function channelLists(channels: string): { channelsRequired: string[]; channelsOptional: string[] } {
  const map = JSON.parse(channels) as Record<string, ChannelNeed>;
  const of = (need: ChannelNeed) => Object.entries(map).filter(([, v]) => v === need).map(([k]) => k);
  return { channelsRequired: of('required'), channelsOptional: of('optional') };
}

const itemFields = (input: ItemInput) => ({
  phase: input.phase, level1: input.level1, level2: input.level2, content: input.content, basis: input.basis, timeLimit: input.timeLimit,
  responsible: input.responsible, channels: JSON.stringify(channelMap(input)), audience: input.audience, mode: input.mode, level: input.level, triggerEvent: input.triggerEvent,
});

/** Changes a project's own fields (staff of its department). */
export async function editProject(trx: Executor, user: CurrentUser | null, actor: Actor, projectId: number, input: ProjectEditInput): Promise<void> {
  const p = await getProject(trx, projectId);
  requireProjectStaff(user, p);
  if (input.commentOpensOn && input.commentClosesOn && input.commentClosesOn < input.commentOpensOn) {
    throw fieldError('commentClosesOn', 'expropriation.comment_order');
  }
  const set = {
    name: input.name, decisionNumber: input.decisionNumber ?? '', summary: input.summary ?? '', centreLat: input.centreLat ?? null, centreLng: input.centreLng ?? null,
    radiusM: input.radiusM ?? null, valuerDays: input.valuerDays, commentOpensOn: input.commentOpensOn ?? null, commentClosesOn: input.commentClosesOn ?? null,
  };
  await repo.updateProject(trx, projectId, { ...set, updatedAt: nowIso() });
  const before = Object.fromEntries(Object.keys(set).map((k) => [k, p[k as keyof typeof set]]));
  await recordAudit(trx, actor, { action: 'expropriation.project.edit', entityType: 'expropriationProject', entityId: projectId, before, after: set });
}

async function itemOf(db: Executor, user: CurrentUser | null, projectId: number, seq: number): Promise<repo.ItemRow> {
  requireProjectStaff(user, await getProject(db, projectId));
  const item = await repo.itemBySeq(db, projectId, seq);
  if (!item) {
    throw notFound();
  }
  return item;
}

/** A directory row for editing (staff of the project's department). */
export function itemForEdit(db: Executor, user: CurrentUser | null, projectId: number, seq: number): Promise<repo.ItemRow> {
  return itemOf(db, user, projectId, seq);
}

/** Changes a directory row's text and settings; its publication stays as it was. */
export async function editItem(trx: Executor, user: CurrentUser | null, actor: Actor, projectId: number, seq: number, input: ItemInput): Promise<void> {
  const item = await itemOf(trx, user, projectId, seq);
  const set = itemFields(input);
  await repo.updateItem(trx, item.id, { ...set, updatedAt: nowIso() });
  const before = Object.fromEntries(Object.keys(set).map((k) => [k, item[k as keyof typeof set]]));
  await recordAudit(trx, actor, { action: 'expropriation.item.edit', entityType: 'expropriationItem', entityId: item.id, before, after: set });
}

/** Adds a row at the end of the directory; returns its number. */
export async function addItem(trx: Executor, user: CurrentUser | null, actor: Actor, projectId: number, input: ItemInput): Promise<number> {
  requireProjectStaff(user, await getProject(trx, projectId));
  const seq = (await repo.maxItemSeq(trx, projectId)) + 1;
  const row = { ...itemFields(input), projectId, seq, publishedOn: null, link: null, fileId: null, updatedAt: nowIso() };
  await repo.insertItems(trx, [row]);
  await recordAudit(trx, actor, { action: 'expropriation.item.add', entityType: 'expropriationProject', entityId: projectId, after: row });
  return seq;
}

/** Removes a row that has not been published (a published one is on the record and stays). */
export async function removeItem(trx: Executor, user: CurrentUser | null, actor: Actor, projectId: number, seq: number): Promise<void> {
  const item = await itemOf(trx, user, projectId, seq);
  if (item.publishedOn !== null) {
    throw new AppError('invalid_state', {}, [{ field: 'seq', key: 'expropriation.item_published_stays' }]);
  }
  await repo.deleteItem(trx, item.id);
  await recordAudit(trx, actor, { action: 'expropriation.item.remove', entityType: 'expropriationItem', entityId: item.id, before: item });
}
