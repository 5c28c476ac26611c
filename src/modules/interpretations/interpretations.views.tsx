import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, DateText, ErrorSummary, Notice, Pagination, TextArea, type FormState } from '../../views/components.js';
import type { MessageKey } from '../../platform/i18n/index.js';
import type { QaPair } from './interpretations.qa.js';
import type { InterpretationRow } from './interpretations.repository.js';
import { INTERPRETATION_FORMS, PREFERRED_FORMS, RESPONDENT_TYPES } from './interpretations.schema.js';
import { formLabel, RadioGroup } from './interpretations.parts.js';

const listCrumbs = (ctx: ViewContext, last?: string) => (last ? [{ href: '/interpretations', label: ctx.t('interpretations.title') }, { label: last }] : [{ label: ctx.t('interpretations.title') }]);

function Interpreter({ ctx, name, post }: { ctx: ViewContext; name: string; post: string }) {
  return <span>{ctx.t('interpretations.interpreter_line', { name, post })}</span>;
}

/** The public list of interpretations, newest first, filtered by form. */
export function InterpretationListPage({
  ctx,
  form,
  rows,
  total,
  page,
  pageCount,
  policyTitles,
}: {
  ctx: ViewContext;
  form: string | undefined;
  rows: Array<{ id: number; policyId: number; form: string; title: string; interpreterName: string; interpreterPost: string; publishedOn: string | null }>;
  total: number;
  page: number;
  pageCount: number;
  policyTitles: Map<number, string>;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('interpretations.title')} crumbs={listCrumbs(ctx)}>
      <h1>{t('interpretations.title')}</h1>
      <p class="lead">{t('interpretations.intro')}</p>
      <nav aria-label={t('interpretations.form')}>
        <ul class="tag-list">
          <li>
            <a class="tag" href="/interpretations" aria-current={form ? undefined : 'true'}>
              {t('interpretations.all_forms')}
            </a>
          </li>
          {INTERPRETATION_FORMS.map((f) => (
            <li key={f}>
              <a class="tag" href={`/interpretations?form=${f}`} aria-current={form === f ? 'true' : undefined}>
                {formLabel(ctx, f)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p class="meta">{t('interpretations.found', { count: total })}</p>
      {rows.length === 0 ? (
        <p>{t('interpretations.none')}</p>
      ) : (
        <ul class="interpretation-list">
          {rows.map((r) => (
            <li key={r.id}>
              <h2>
                <a href={`/interpretations/${r.id}`}>{r.title}</a>
              </h2>
              <p class="meta">
                <span class="form-tag">{formLabel(ctx, r.form)}</span> · <Interpreter ctx={ctx} name={r.interpreterName} post={r.interpreterPost} /> · <DateText iso={r.publishedOn} />
              </p>
              <p class="meta">
                {t('interpretations.of_policy')}
                <a href={`/policies/${r.policyId}`}>{policyTitles.get(r.policyId) ?? ''}</a>
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination ctx={ctx} page={page} pageCount={pageCount} hrefFor={(n) => `/interpretations?${form ? `form=${form}&` : ''}page=${n}`} />
      <p>
        <a href="/interpretations/survey">{t('interpretations.survey.link')}</a>
      </p>
    </Layout>
  );
}

/** The form-specific content: text body, Q&A list, media link with transcript. */
function Content({ ctx, i, qa }: { ctx: ViewContext; i: InterpretationRow; qa: QaPair[] }) {
  const { t } = ctx;
  return (
    <>
      {i.body && <div class="prose" dangerouslySetInnerHTML={{ __html: i.body }} />}
      {i.mediaUrl && (
        <p>
          <a class="button primary" href={i.mediaUrl} rel="noopener noreferrer">
            {t('interpretations.watch')}
          </a>
        </p>
      )}
      {qa.length > 0 && (
        <section aria-labelledby="qa-h">
          <h2 id="qa-h">{t('interpretations.qa_heading')}</h2>
          <dl class="qa-list">
            {qa.map((p, n) => (
              <div key={n}>
                <dt>
                  <span class="qa-mark">{t('interpretations.question')}</span>
                  {p.question}
                </dt>
                <dd>
                  <span class="qa-mark">{t('interpretations.answer')}</span>
                  {p.answer}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {i.transcript && (
        <section aria-labelledby="transcript-h">
          <h2 id="transcript-h">{t('interpretations.transcript_heading')}</h2>
          <div class="prose">
            {i.transcript
              .split(/\r?\n/)
              .filter((l) => l.trim() !== '')
              .map((l, n) => (
                <p key={n}>{l}</p>
              ))}
          </div>
        </section>
      )}
    </>
  );
}

/** One published interpretation with its feedback form. */
export function InterpretationPage({
  ctx,
  i,
  qa,
  policy,
  departmentName,
  form,
  feedback,
}: {
  ctx: ViewContext;
  i: InterpretationRow;
  qa: QaPair[];
  policy: { id: number; title: string; docNumber: string };
  departmentName: string;
  form: FormState;
  /** 'thanks' after a vote, 'already' when this visit already voted. */
  feedback: 'thanks' | 'already' | null;
}) {
  const { t } = ctx;
  const labels = { helpful: t('interpretations.feedback.choice'), comment: t('interpretations.feedback.comment') };
  return (
    <Layout ctx={ctx} title={i.title} crumbs={listCrumbs(ctx, i.title)}>
      <article>
        <h1>{i.title}</h1>
        <dl class="facts">
          <dt>{t('interpretations.of_policy')}</dt>
          <dd>
            <a href={`/policies/${policy.id}`}>{policy.title}</a> {policy.docNumber && <span class="meta">{policy.docNumber}</span>}
          </dd>
          <dt>{t('interpretations.form')}</dt>
          <dd>{formLabel(ctx, i.form)}</dd>
          <dt>{t('interpretations.interpreter')}</dt>
          <dd>
            {i.interpreterName}（{i.interpreterPost}）
          </dd>
          <dt>{t('interpretations.department')}</dt>
          <dd>{departmentName}</dd>
          <dt>{t('interpretations.published_on')}</dt>
          <dd>
            <DateText iso={i.publishedOn} />
          </dd>
        </dl>
        <Content ctx={ctx} i={i} qa={qa} />
      </article>
      <section aria-labelledby="feedback-h" class="card feedback-card" id="feedback">
        <h2 id="feedback-h">{t('interpretations.feedback.heading')}</h2>
        {feedback ? (
          <Notice kind="success">{t(feedback === 'thanks' ? 'interpretations.feedback.thanks' : 'interpretations.feedback.already')}</Notice>
        ) : (
          <form method="post" action={`/interpretations/${i.id}/feedback#feedback`} class="form" novalidate>
            <ErrorSummary ctx={ctx} form={form} labels={labels} />
            <Csrf ctx={ctx} />
            <RadioGroup
              ctx={ctx}
              form={form}
              name="helpful"
              legend={labels.helpful}
              required
              options={[
                { value: 'yes', label: t('interpretations.feedback.yes') },
                { value: 'no', label: t('interpretations.feedback.no') },
              ]}
            />
            <TextArea ctx={ctx} form={form} name="comment" label={labels.comment} rows={3} maxLength={500} />
            <p class="meta">{t('interpretations.feedback.privacy')}</p>
            <button type="submit" class="button primary">
              {t('interpretations.feedback.submit')}
            </button>
          </form>
        )}
      </section>
      <p>
        <a href="/interpretations/survey">{t('interpretations.survey.link')}</a>
      </p>
    </Layout>
  );
}

/** The short public survey on preferred forms of interpretation. */
export function SurveyPage({ ctx, form, done }: { ctx: ViewContext; form: FormState; done: boolean }) {
  const { t } = ctx;
  const labels = { respondentType: t('interpretations.survey.respondent_type'), preferredForm: t('interpretations.survey.preferred_form'), graphicNecessary: t('interpretations.survey.graphic_necessary') };
  return (
    <Layout ctx={ctx} title={t('interpretations.survey.title')} crumbs={listCrumbs(ctx, t('interpretations.survey.title'))}>
      <h1>{t('interpretations.survey.title')}</h1>
      {done ? (
        <Notice kind="success">{t('interpretations.survey.thanks')}</Notice>
      ) : (
        <>
          <p class="lead">{t('interpretations.survey.intro')}</p>
          <ErrorSummary ctx={ctx} form={form} labels={labels} />
          <form method="post" action="/interpretations/survey" class="form" novalidate>
            <Csrf ctx={ctx} />
            <RadioGroup ctx={ctx} form={form} name="respondentType" legend={labels.respondentType} required options={RESPONDENT_TYPES.map((r) => ({ value: r, label: t(`interpretations.survey.respondent.${r}` as MessageKey) }))} />
            <RadioGroup ctx={ctx} form={form} name="preferredForm" legend={labels.preferredForm} required options={PREFERRED_FORMS.map((f) => ({ value: f, label: t(`interpretations.survey.form.${f}` as MessageKey) }))} />
            <RadioGroup
              ctx={ctx}
              form={form}
              name="graphicNecessary"
              legend={labels.graphicNecessary}
              options={[
                { value: 'yes', label: t('interpretations.survey.yes') },
                { value: 'no', label: t('interpretations.survey.no') },
                { value: '', label: t('interpretations.survey.no_answer') },
              ]}
            />
            <button type="submit" class="button primary">
              {t('interpretations.survey.submit')}
            </button>
          </form>
        </>
      )}
      <p>
        <a href="/interpretations">{t('interpretations.title')}</a>
      </p>
    </Layout>
  );
}

/** The "政策解读" section of a policy page: its published interpretations grouped by form. */
export function policyInterpretationsSection(ctx: ViewContext, rows: InterpretationRow[]) {
  const { t } = ctx;
  const forms = INTERPRETATION_FORMS.filter((f) => rows.some((r) => r.form === f));
  return (
    <section aria-labelledby="policy-interpretations-h" class="policy-interpretations">
      <h2 id="policy-interpretations-h">{t('interpretations.section')}</h2>
      {forms.map((f) => (
        <div key={f}>
          <h3>{formLabel(ctx, f)}</h3>
          <ul>
            {rows
              .filter((r) => r.form === f)
              .map((r) => (
                <li key={r.id}>
                  <a href={`/interpretations/${r.id}`}>{r.title}</a>
                  <span class="meta">
                    {' '}
                    · <Interpreter ctx={ctx} name={r.interpreterName} post={r.interpreterPost} /> · <DateText iso={r.publishedOn} />
                  </span>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
