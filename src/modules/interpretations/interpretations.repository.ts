import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../http/context.js';
import type { InterpretationFeedbackTable, InterpretationSurveyTable, InterpretationTable } from './interpretations.table.js';
import type { QaPair } from './interpretations.qa.js';

/** The earliest publication day of a published interpretation, per policy (policies without one are absent). */
export async function firstPublishedOn(db: Executor, policyIds: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < policyIds.length; i += 500) {
    const rows = await db
      .selectFrom('interpretation')
      .select(['policyId', (eb) => eb.fn.min<string>('publishedOn').as('first')])
      .where('status', '=', 'published')
      .where('policyId', 'in', policyIds.slice(i, i + 500))
      .groupBy('policyId')
      .execute();
    for (const r of rows) {
      out.set(r.policyId, r.first);
    }
  }
  return out;
}

export type InterpretationRow = Selectable<InterpretationTable>;

/** An interpretation by id. */
export async function findById(db: Executor, id: number): Promise<InterpretationRow | undefined> {
  return db.selectFrom('interpretation').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts an interpretation. */
export async function insert(db: Executor, row: Insertable<InterpretationTable>): Promise<number> {
  return (await db.insertInto('interpretation').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates an interpretation only if it is still in the expected state; false when it was not. */
export async function updateIf(db: Executor, id: number, expectedStatus: string, patch: Updateable<InterpretationTable>): Promise<boolean> {
  const r = await db.updateTable('interpretation').set(patch).where('id', '=', id).where('status', '=', expectedStatus).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Replaces the Q&A pairs of an interpretation. */
export async function replaceQa(db: Executor, interpretationId: number, pairs: QaPair[]): Promise<void> {
  await db.deleteFrom('interpretationQa').where('interpretationId', '=', interpretationId).execute();
  if (pairs.length > 0) {
    await db
      .insertInto('interpretationQa')
      .values(pairs.map((p, i) => ({ interpretationId, seq: i + 1, question: p.question, answer: p.answer })))
      .execute();
  }
}

/** The Q&A pairs of an interpretation, in order. */
export async function qaOf(db: Executor, interpretationId: number): Promise<QaPair[]> {
  return db.selectFrom('interpretationQa').select(['question', 'answer']).where('interpretationId', '=', interpretationId).orderBy('seq').execute();
}

/** The Q&A pairs of several interpretations, by interpretation. */
export async function qaOfMany(db: Executor, ids: number[]): Promise<Map<number, QaPair[]>> {
  const out = new Map<number, QaPair[]>();
  if (ids.length === 0) {
    return out;
  }
  const rows = await db.selectFrom('interpretationQa').select(['interpretationId', 'question', 'answer']).where('interpretationId', 'in', ids).orderBy('interpretationId').orderBy('seq').execute();
  for (const r of rows) {
    const list = out.get(r.interpretationId) ?? [];
    list.push({ question: r.question, answer: r.answer });
    out.set(r.interpretationId, list);
  }
  return out;
}

/** Interpretations of a policy in some states, in form order then oldest first. */
export async function ofPolicy(db: Executor, policyId: number, statuses: string[]): Promise<InterpretationRow[]> {
  return db.selectFrom('interpretation').selectAll().where('policyId', '=', policyId).where('status', 'in', statuses).orderBy('publishedOn').orderBy('id').execute();
}

/** Staff list: interpretations in some departments (null = all), newest edit first, with the total. */
export async function listStaff(db: Executor, departmentIds: number[] | null, status: string | undefined, limit: number, offset: number) {
  let q = db.selectFrom('interpretation');
  if (departmentIds) {
    if (departmentIds.length === 0) {
      return { rows: [], total: 0 };
    }
    q = q.where('departmentId', 'in', departmentIds);
  }
  if (status) {
    q = q.where('status', '=', status);
  }
  const [rows, count] = await Promise.all([
    q.select(['id', 'policyId', 'departmentId', 'form', 'title', 'status', 'interpreterName', 'publishedOn', 'updatedAt']).orderBy('updatedAt', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Public list: published interpretations, newest first, optionally of one form, with the total. */
export async function listPublished(db: Executor, form: string | undefined, limit: number, offset: number) {
  let q = db.selectFrom('interpretation').where('status', '=', 'published');
  if (form) {
    q = q.where('form', '=', form);
  }
  const [rows, count] = await Promise.all([
    q.select(['id', 'policyId', 'form', 'title', 'interpreterName', 'interpreterPost', 'publishedOn']).orderBy('publishedOn', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Records one helpful / not helpful vote. */
export async function insertFeedback(db: Executor, row: Insertable<InterpretationFeedbackTable>): Promise<number> {
  return (await db.insertInto('interpretationFeedback').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Yes and no counts per interpretation (those with votes), optionally of some departments. */
export async function feedbackCounts(db: Executor, departmentIds: number[] | null) {
  let q = db
    .selectFrom('interpretationFeedback as f')
    .innerJoin('interpretation as i', 'i.id', 'f.interpretationId')
    .select([
      'i.id',
      'i.title',
      'i.form',
      'i.policyId',
      'i.departmentId',
      (eb) => eb.fn.sum<number>('f.helpful').as('yes'),
      (eb) => eb.fn.countAll<number>().as('total'),
    ])
    .groupBy(['i.id', 'i.title', 'i.form', 'i.policyId', 'i.departmentId']);
  if (departmentIds) {
    if (departmentIds.length === 0) {
      return [];
    }
    q = q.where('i.departmentId', 'in', departmentIds);
  }
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, yes: Number(r.yes ?? 0), total: Number(r.total) }));
}

/** The latest comments left with votes, optionally of some departments. */
export async function latestComments(db: Executor, departmentIds: number[] | null, limit: number) {
  let q = db
    .selectFrom('interpretationFeedback as f')
    .innerJoin('interpretation as i', 'i.id', 'f.interpretationId')
    .select(['f.id', 'f.interpretationId', 'i.title', 'f.helpful', 'f.comment', 'f.createdAt'])
    .where('f.comment', '<>', '');
  if (departmentIds) {
    if (departmentIds.length === 0) {
      return [];
    }
    q = q.where('i.departmentId', 'in', departmentIds);
  }
  return q.orderBy('f.createdAt', 'desc').orderBy('f.id', 'desc').limit(limit).execute();
}

/** Records one survey answer. */
export async function insertSurvey(db: Executor, row: Insertable<InterpretationSurveyTable>): Promise<number> {
  return (await db.insertInto('interpretationSurvey').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Survey answers counted by respondent type and preferred form, and by the graphic question. */
export async function surveyCounts(db: Executor) {
  const [forms, graphic] = await Promise.all([
    db.selectFrom('interpretationSurvey').select(['respondentType', 'preferredForm', (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['respondentType', 'preferredForm']).execute(),
    db.selectFrom('interpretationSurvey').select(['respondentType', 'graphicNecessary', (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['respondentType', 'graphicNecessary']).execute(),
  ]);
  return {
    forms: forms.map((r) => ({ respondentType: r.respondentType, preferredForm: r.preferredForm, n: Number(r.n) })),
    graphic: graphic.map((r) => ({ respondentType: r.respondentType, graphicNecessary: r.graphicNecessary === null ? null : Number(r.graphicNecessary), n: Number(r.n) })),
  };
}
