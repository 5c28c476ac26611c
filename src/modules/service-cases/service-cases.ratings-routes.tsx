import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Executor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { actor, handleForm, seeOther } from '../../http/route-helpers.js';
import { parseInput } from '../../http/validate.js';
import { idParam } from '../../http/schema-helpers.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { todayInChina } from '../../platform/clock.js';
import * as ratings from './service-cases.ratings.js';
import { requireCaseStaff } from './service-cases.policy.js';
import { AppealDecisionSchema, AppealSchema, FollowUpSchema } from './service-cases.schema.js';
import { StaffRatingPage, StaffRatingsPage, type RatingFormError } from './service-cases.ratings-views.js';

const LISTS = ['follow_up', 'overdue', 'appeals', 'bad'] as const;

/** The staff pages of ratings: lists, one rating with its follow-up, appeal and decision. */
export async function serviceRatingsRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;

  app.get('/admin/services/ratings', { schema: { hide: true } }, async (req, reply) => {
    const raw = (req.query as Record<string, unknown>).list;
    const kind = LISTS.find((k) => k === raw) ?? 'follow_up';
    const rows = await ratings.ratingsForStaff(db(), req.user, kind);
    return sendPage(reply, <StaffRatingsPage ctx={viewContext(req)} kind={kind} rows={rows} today={todayInChina()} />);
  });

  const ratingView = async (req: FastifyRequest) => {
    const u = requireCaseStaff(req.user);
    const id = parseInput(idParam, (req.params as Record<string, string>).id);
    const r = (await ratings.ratingsForStaff(db(), req.user, 'all', id))[0];
    if (!r) {
      throw new AppError('not_found');
    }
    const ctx = viewContext(req);
    const notice = (req.query as Record<string, unknown>).done === '1' ? ctx.t('serviceCases.follow_up_done') : undefined;
    return { id, render: (error?: RatingFormError) => <StaffRatingPage ctx={ctx} r={r} isAdmin={u.role === 'admin'} today={todayInChina()} notice={error ? undefined : notice} error={error} /> };
  };

  app.get('/admin/services/ratings/:id', { schema: { hide: true } }, async (req, reply) => sendPage(reply, (await ratingView(req)).render()));

  const step = <S extends z.ZodType>(name: RatingFormError['form'], schema: S, run: (trx: Executor, req: FastifyRequest, id: number, input: z.output<S>) => Promise<unknown>) =>
    app.post(`/admin/services/ratings/:id/${name}`, { schema: { hide: true } }, async (req, reply) => {
      const { id, render } = await ratingView(req);
      return handleForm(
        req,
        reply,
        schema,
        (input, trx) => run(trx, req, id, input),
        () => seeOther(reply, `/admin/services/ratings/${id}?done=1`),
        (state) => render({ id, form: name, state }),
      );
    });
  step('follow-up', FollowUpSchema, (trx, req, id, input) => ratings.recordFollowUp(trx, actor(req), req.user, id, input));
  step('appeal', AppealSchema, (trx, req, id, input) => ratings.appealRating(trx, actor(req), req.user, id, input.reason));
  step('decide', AppealDecisionSchema, (trx, req, id, input) => ratings.decideAppeal(trx, actor(req), req.user, id, input.decision, input.note));
}
