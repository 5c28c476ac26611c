import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, DateText, ErrorSummary, Field, Notice, Pagination, Select, TextArea, type FormState } from '../../views/components.js';
import { ReviewPanel } from '../../views/review-panel.js';
import type { MessageKey } from '../../platform/i18n/index.js';
import { INTERPRETATION_FORMS, INTERPRETATION_STATUSES } from './interpretations.schema.js';
import { formLabel, InterpretationStatus } from './interpretations.parts.js';

const crumbs = (ctx: ViewContext, last?: string) => [{ href: '/admin', label: ctx.t('nav.admin') }, ...(last ? [{ href: '/admin/interpretations', label: ctx.t('interpretations.manage') }, { label: last }] : [{ label: ctx.t('interpretations.manage') }])];

/** Staff list of interpretations in their departments. */
export function AdminInterpretationsPage({
  ctx,
  rows,
  total,
  page,
  pageCount,
  status,
  policyTitles,
}: {
  ctx: ViewContext;
  rows: Array<{ id: number; policyId: number; form: string; title: string; status: string; interpreterName: string; publishedOn: string | null; updatedAt: string }>;
  total: number;
  page: number;
  pageCount: number;
  status: string | undefined;
  policyTitles: Map<number, string>;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('interpretations.manage')} crumbs={crumbs(ctx)}>
      <h1>{t('interpretations.manage')}</h1>
      <p class="actions">
        <a class="button primary" href="/admin/interpretations/new">
          {t('interpretations.new')}
        </a>
        <a class="button" href="/admin/interpretations/feedback">
          {t('interpretations.results.link')}
        </a>
      </p>
      <form method="get" action="/admin/interpretations" class="filters">
        <Select ctx={ctx} form={{ values: { status }, errors: {} }} name="status" label={t('portal.status')} options={INTERPRETATION_STATUSES.map((s) => ({ value: s, label: t(`interpretations.status.${s}` as MessageKey) }))} />
        <button class="button" type="submit">
          {t('form.filter')}
        </button>
      </form>
      <p class="meta">{t('interpretations.found', { count: total })}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('portal.title')}</th>
            <th scope="col">{t('interpretations.policy')}</th>
            <th scope="col">{t('interpretations.form')}</th>
            <th scope="col">{t('portal.status')}</th>
            <th scope="col">{t('interpretations.published_on')}</th>
            <th scope="col">{t('portal.edited_at')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <a href={`/admin/interpretations/${r.id}`}>{r.title}</a>
              </td>
              <td>{policyTitles.get(r.policyId) ?? ''}</td>
              <td>{formLabel(ctx, r.form)}</td>
              <td>
                <InterpretationStatus ctx={ctx} status={r.status} />
              </td>
              <td>
                <DateText iso={r.publishedOn} />
              </td>
              <td>
                <DateText iso={r.updatedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination ctx={ctx} page={page} pageCount={pageCount} hrefFor={(n) => `/admin/interpretations?${status ? `status=${status}&` : ''}page=${n}`} />
    </Layout>
  );
}

/** The interpretation editor with its review actions. */
export function InterpretationEditPage({
  ctx,
  form,
  policies,
  departments,
  interpretation,
  notice,
}: {
  ctx: ViewContext;
  form: FormState;
  policies: Array<{ id: number; title: string; status: string }>;
  /** Offered only to the general office (others always interpret their own policies). */
  departments: Array<{ id: number; name: string }> | null;
  interpretation?: {
    id: number;
    policyId: number;
    status: string;
    reviewNote: string;
    publishedOn: string | null;
    actions: { edit: boolean; submit: boolean; approve: boolean; reject: boolean; withdraw: boolean };
  };
  notice?: string;
}) {
  const { t } = ctx;
  const labels: Record<string, string> = {
    policyId: t('interpretations.policy'),
    departmentId: t('interpretations.department'),
    form: t('interpretations.form'),
    title: t('portal.title'),
    body: t('interpretations.body'),
    qa: t('interpretations.qa'),
    mediaUrl: t('interpretations.media_url'),
    transcript: t('interpretations.transcript'),
    interpreterName: t('interpretations.interpreter_name'),
    interpreterPost: t('interpretations.interpreter_post'),
    note: t('portal.review_note'),
  };
  const title = interpretation ? t('interpretations.edit') : t('interpretations.new');
  const canEdit = !interpretation || interpretation.actions.edit;
  const a = interpretation?.actions;
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, title)}>
      <h1>{title}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      {interpretation && (
        <p>
          {t('portal.status')}: <InterpretationStatus ctx={ctx} status={interpretation.status} />
          {interpretation.status === 'published' && (
            <>
              {' '}
              · <DateText iso={interpretation.publishedOn} /> · <a href={`/interpretations/${interpretation.id}`}>{t('portal.view_public')}</a>
            </>
          )}
        </p>
      )}
      {interpretation?.reviewNote && (
        <Notice kind="warning">
          {t('portal.review_note')}: {interpretation.reviewNote}
        </Notice>
      )}
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      {canEdit ? (
        <form method="post" action={interpretation ? `/admin/interpretations/${interpretation.id}` : '/admin/interpretations/new'} class="form" novalidate>
          <Csrf ctx={ctx} />
          <Select
            ctx={ctx}
            form={form}
            name="policyId"
            label={labels.policyId!}
            required
            hint={t('interpretations.policy_hint')}
            options={policies.map((p) => ({ value: String(p.id), label: `${p.title}（${t(`portal.status.${p.status}` as MessageKey)}）` }))}
          />
          {departments && <Select ctx={ctx} form={form} name="departmentId" label={labels.departmentId!} hint={t('interpretations.department_hint')} options={departments.map((d) => ({ value: String(d.id), label: d.name }))} />}
          <Select ctx={ctx} form={form} name="form" label={labels.form!} required options={INTERPRETATION_FORMS.map((f) => ({ value: f, label: formLabel(ctx, f) }))} />
          <Field ctx={ctx} form={form} name="title" label={labels.title!} required maxLength={300} />
          <fieldset>
            <legend>{t('interpretations.interpreter')}</legend>
            <Field ctx={ctx} form={form} name="interpreterName" label={labels.interpreterName!} required maxLength={60} />
            <Field ctx={ctx} form={form} name="interpreterPost" label={labels.interpreterPost!} required maxLength={120} />
          </fieldset>
          <TextArea ctx={ctx} form={form} name="body" label={labels.body!} rows={12} hint={t('interpretations.body_hint')} />
          <TextArea ctx={ctx} form={form} name="qa" label={labels.qa!} rows={10} hint={t('interpretations.qa_hint')} />
          <Field ctx={ctx} form={form} name="mediaUrl" label={labels.mediaUrl!} type="url" hint={t('interpretations.media_url_hint')} maxLength={500} />
          <TextArea ctx={ctx} form={form} name="transcript" label={labels.transcript!} rows={8} hint={t('interpretations.transcript_hint')} />
          <button type="submit" class="button primary">
            {t('portal.save_draft')}
          </button>
        </form>
      ) : (
        <>
          <p class="meta">{t('interpretations.cannot_edit')}</p>
          <dl class="facts">
            <dt>{labels.title}</dt>
            <dd>{form.values.title}</dd>
            <dt>{labels.policyId}</dt>
            <dd>{policies.find((p) => String(p.id) === form.values.policyId)?.title ?? ''}</dd>
            <dt>{labels.form}</dt>
            <dd>{formLabel(ctx, String(form.values.form ?? ''))}</dd>
            <dt>{t('interpretations.interpreter')}</dt>
            <dd>
              {form.values.interpreterName}（{form.values.interpreterPost}）
            </dd>
          </dl>
        </>
      )}
      {interpretation && a && (
        <ReviewPanel
          ctx={ctx}
          base={`/admin/interpretations/${interpretation.id}`}
          form={form}
          canReject={a.reject}
          buttons={[
            ...(a.submit ? [{ action: 'submit', label: t('portal.submit_review') }] : []),
            ...(a.approve ? [{ action: 'approve', label: t('interpretations.approve') }] : []),
            ...(a.withdraw ? [{ action: 'withdraw', label: t('interpretations.withdraw'), kind: 'danger' as const }] : []),
          ]}
        >
          {a.approve && <p class="hint">{t('interpretations.approve_hint')}</p>}
        </ReviewPanel>
      )}
    </Layout>
  );
}
