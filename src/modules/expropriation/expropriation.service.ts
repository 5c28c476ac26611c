import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { nowIso, todayInChina } from '../../platform/clock.js';
import { commentCheck, defaultDirectory, ITEM_PHASES, itemStatus, type ItemPhase, type ItemState } from './expropriation.directory.js';
import { requireProjectStaff } from './expropriation.policy.js';
import * as repo from './expropriation.repository.js';
import * as stats from './expropriation.stats.repository.js';
import type { EventInput, ProjectInput, PublishItemInput } from './expropriation.schema.js';

// Projects, their key dates and their disclosure directory: plain functions over db / trx.

/** Every project (public). */
export function listProjects(db: Executor) {
  return repo.listProjects(db);
}

/** A project or 404. */
export async function getProject(db: Executor, id: number): Promise<repo.ProjectRow> {
  const p = await repo.projectById(db, id);
  if (!p) {
    throw notFound();
  }
  return p;
}

/** A directory row with its state on a day. */
export type ItemWithStatus = repo.ItemRow & { state: ItemState; eventOn: string | null; dueOn: string | null; onTime: boolean | null };

/** The checklist of a project: each row's state, counts per phase, and the comment-period check. */
export async function directoryStatus(db: Executor, projectId: number, today = todayInChina()) {
  const project = await getProject(db, projectId);
  const [items, events] = await Promise.all([repo.itemsOf(db, projectId), repo.eventsOf(db, projectId)]);
  // The earliest date of each kind starts the clock (later ones are updates of the same information).
  const firstOf = new Map<string, string>();
  for (const e of events) {
    if (!firstOf.has(e.kind)) {
      firstOf.set(e.kind, e.occurredOn);
    }
  }
  if (project.commentClosesOn) {
    firstOf.set('comment_closed', project.commentClosesOn);
  }
  const rows: ItemWithStatus[] = items.map((it) => {
    const eventOn = firstOf.get(it.triggerEvent);
    return { ...it, ...itemStatus(it, eventOn, today), eventOn: eventOn ?? null };
  });
  const counts = Object.fromEntries(
    ITEM_PHASES.map((ph) => {
      const of = rows.filter((r) => r.phase === ph);
      return [ph, { total: of.length, published: of.filter((r) => r.state === 'published').length, due: of.filter((r) => r.state === 'due').length, late: of.filter((r) => r.state === 'late').length }];
    }),
  ) as Record<ItemPhase, { total: number; published: number; due: number; late: number }>;
  const revisions = rows.find((r) => r.triggerEvent === 'comment_closed');
  const comment = commentCheck(project.commentOpensOn, project.commentClosesOn, revisions?.publishedOn ?? null, today);
  return { project, rows, counts, events, comment, today };
}

/** Progress figures of a project: totals, signed by day, by building, scheme split, payments. */
export async function progress(db: Executor, projectId: number) {
  const [counts, byDay, buildings] = await Promise.all([stats.householdCounts(db, projectId), stats.signedByDay(db, projectId), stats.byBuilding(db, projectId)]);
  const sum = (f: (c: (typeof counts)[number]) => boolean) => counts.filter(f).reduce((a, c) => a + c.n, 0);
  const total = sum(() => true);
  const signed = sum((c) => c.signingStatus === 'signed');
  return {
    total,
    signed,
    signedPct: total === 0 ? 0 : Math.round((signed * 1000) / total) / 10,
    monetary: sum((c) => c.signingStatus === 'signed' && c.scheme === 'monetary'),
    exchange: sum((c) => c.signingStatus === 'signed' && c.scheme === 'exchange'),
    paid: sum((c) => c.paymentStatus === 'paid'),
    paidAmount: counts.filter((c) => c.paymentStatus === 'paid').reduce((a, c) => a + c.amount, 0),
    byDay,
    buildings,
  };
}

/** Creates a project with the default "4 + 10 + 7" directory (staff of its department). */
export async function createProject(trx: Executor, user: CurrentUser | null, actor: Actor, input: ProjectInput, responsible: string): Promise<number> {
  requireProjectStaff(user, input);
  if (input.commentOpensOn && input.commentClosesOn && input.commentClosesOn < input.commentOpensOn) {
    throw fieldError('commentClosesOn', 'expropriation.comment_order');
  }
  const now = nowIso();
  const id = await repo.insertProject(trx, {
    code: input.code,
    name: input.name,
    departmentId: input.departmentId,
    decisionNumber: input.decisionNumber ?? '',
    phase: input.phase,
    summary: input.summary ?? '',
    centreLat: input.centreLat ?? null,
    centreLng: input.centreLng ?? null,
    radiusM: input.radiusM ?? null,
    valuerDays: input.valuerDays,
    commentOpensOn: input.commentOpensOn ?? null,
    commentClosesOn: input.commentClosesOn ?? null,
    createdAt: now,
    updatedAt: now,
  }).catch((err: unknown) => {
    throw /unique|duplicate/i.test(String(err)) ? fieldError('code', 'expropriation.code_taken') : err;
  });
  await repo.insertItems(
    trx,
    defaultDirectory(responsible).map((r) => ({ ...r, projectId: id, channels: JSON.stringify(r.channels), publishedOn: null, link: null, fileId: null, updatedAt: now })),
  );
  await recordAudit(trx, actor, { action: 'expropriation.project.create', entityType: 'expropriationProject', entityId: id, after: input });
  return id;
}

/** Records a key date (the directory rows it triggers fall due 20 working days later). */
export async function recordEvent(trx: Executor, user: CurrentUser | null, actor: Actor, projectId: number, input: EventInput): Promise<number> {
  requireProjectStaff(user, await getProject(trx, projectId));
  const id = await repo.insertEvent(trx, { projectId, kind: input.kind, occurredOn: input.occurredOn, note: input.note ?? '' });
  await recordAudit(trx, actor, { action: 'expropriation.event.record', entityType: 'expropriationProject', entityId: projectId, after: input });
  return id;
}

/** Moves a project to another phase. */
export async function setPhase(trx: Executor, user: CurrentUser | null, actor: Actor, projectId: number, phase: repo.ProjectRow['phase']): Promise<void> {
  const p = await getProject(trx, projectId);
  requireProjectStaff(user, p);
  await repo.updateProject(trx, projectId, { phase, updatedAt: nowIso() });
  await recordAudit(trx, actor, { action: 'expropriation.project.phase', entityType: 'expropriationProject', entityId: projectId, before: { phase: p.phase }, after: { phase } });
}

/** Marks a directory row published (date and link); a later date than today is refused. */
export async function publishItem(trx: Executor, user: CurrentUser | null, actor: Actor, projectId: number, seq: number, input: PublishItemInput): Promise<void> {
  requireProjectStaff(user, await getProject(trx, projectId));
  const item = await repo.itemBySeq(trx, projectId, seq);
  if (!item) {
    throw notFound();
  }
  if (input.publishedOn > todayInChina()) {
    throw fieldError('publishedOn', 'expropriation.date_in_future');
  }
  if (item.publishedOn !== null && item.link === input.link && item.publishedOn === input.publishedOn) {
    throw new AppError('conflict');
  }
  await repo.updateItem(trx, item.id, { publishedOn: input.publishedOn, link: input.link, updatedAt: nowIso() });
  await recordAudit(trx, actor, { action: 'expropriation.item.publish', entityType: 'expropriationItem', entityId: item.id, before: { publishedOn: item.publishedOn, link: item.link }, after: input });
}
