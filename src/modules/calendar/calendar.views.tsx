import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { ErrorSummary, Field, type FormState } from '../../views/components.js';
import type { DeadlineExplanation } from '../../platform/calendar/index.js';

/** The deadline calculator: a GET form, the deadline, and every day counted or skipped. */
export function DeadlinePage({ ctx, form, result }: { ctx: ViewContext; form: FormState; result: (DeadlineExplanation & { text: string }) | null }) {
  const { t } = ctx;
  const labels = { start: t('calendar.start'), days: t('calendar.days') };
  return (
    <Layout ctx={ctx} title={t('calendar.title')} crumbs={[{ label: t('calendar.title') }]}>
      <h1>{t('calendar.title')}</h1>
      <p class="lead">{t('calendar.intro')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="get" action="/tools/deadline" class="form narrow" novalidate>
        <Field ctx={ctx} form={form} name="start" label={labels.start} type="date" required hint={t('calendar.start_hint')} />
        <Field ctx={ctx} form={form} name="days" label={labels.days} type="number" required />
        <button type="submit" class="button primary">
          {t('calendar.compute')}
        </button>
      </form>
      {result && (
        <section aria-labelledby="result-h">
          <h2 id="result-h">
            {t('calendar.deadline')}: <time dateTime={result.deadline}>{result.deadline}</time>
          </h2>
          <p>{result.text}</p>
          <table>
            <caption>{t('calendar.days_table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calendar.date')}</th>
                <th scope="col">{t('calendar.counted')}</th>
              </tr>
            </thead>
            <tbody>
              {result.steps.map((s) => (
                <tr key={s.date}>
                  <td>
                    <time dateTime={s.date}>{s.date}</time>
                  </td>
                  <td>
                    {s.kind === 'counted'
                      ? t('calendar.kind_counted', { n: s.count ?? 0 })
                      : s.kind === 'holiday'
                        ? t('calendar.kind_holiday', { name: (ctx.locale === 'en' ? s.holidayNameEn : s.holidayName) ?? '' })
                        : s.kind === 'weekend'
                          ? t('calendar.kind_weekend')
                          : t('calendar.kind_paused', { reason: s.reason ?? '' })}
                    {result.makeUpWorkdays.includes(s.date) && ` (${t('calendar.make_up')})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </Layout>
  );
}
