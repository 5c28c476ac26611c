import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { parseInput, problemsByField } from '../../http/validate.js';
import { blankToUndefined } from '../../http/schema-helpers.js';
import { describeDeadline, explainDeadline } from '../../platform/calendar/index.js';
import { todayInChina } from '../../platform/clock.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { DeadlinePage } from './calendar.views.js';

/** A deadline question: n working days after a start date. */
export const DeadlineQuery = z.object({
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' }).refine((d) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().slice(0, 10) === d, { error: 'validation.date' }),
  days: z.coerce.number().int().min(0).max(1000),
});

const StepOut = z.object({
  date: z.string(),
  kind: z.enum(['counted', 'weekend', 'holiday', 'paused']),
  holidayName: z.string().optional(),
  holidayNameEn: z.string().optional(),
  count: z.number().optional(),
  reason: z.string().optional(),
});

/** The public deadline calculator (page and API) over the one working-day calendar. */
export async function calendarRoutes(app: FastifyInstance): Promise<void> {
  app.get('/tools/deadline', { schema: { hide: true } }, async (req, reply) => {
    const ctx = viewContext(req);
    const q = req.query as Record<string, unknown>;
    const values = { start: typeof q.start === 'string' ? q.start : todayInChina(), days: typeof q.days === 'string' ? q.days : '20' };
    if (q.start === undefined) {
      return sendPage(reply, <DeadlinePage ctx={ctx} form={{ values, errors: {} }} result={null} />);
    }
    try {
      const input = parseInput(DeadlineQuery, { start: blankToUndefined(q.start), days: blankToUndefined(q.days) });
      const e = explainDeadline(input.start, input.days);
      return sendPage(reply, <DeadlinePage ctx={ctx} form={{ values, errors: {} }} result={{ ...e, text: describeDeadline(e, ctx.locale) }} />);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        return sendPage(reply, <DeadlinePage ctx={ctx} form={{ values, errors: problemsByField(err.fields) }} result={null} />, 400);
      }
      throw err;
    }
  });

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/calendar/deadline',
    {
      schema: {
        tags: ['calendar'],
        summary: 'The date n working days after a start date, with how it was computed',
        querystring: DeadlineQuery,
        response: {
          200: z.object({
            start: z.string(),
            workingDays: z.number(),
            deadline: z.string(),
            explanation: z.string(),
            steps: z.array(StepOut),
            skipped: z.object({ weekends: z.number(), holidays: z.number(), paused: z.number() }),
            makeUpWorkdays: z.array(z.string()),
            yearsWithoutHolidayData: z.array(z.number()),
          }),
        },
      },
    },
    async (req) => {
      const e = explainDeadline(req.query.start, req.query.days);
      return { ...e, steps: e.steps.map((s) => ({ ...s })), explanation: describeDeadline(e, req.locale) };
    },
  );
}
