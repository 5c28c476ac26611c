import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, ErrorSummary, Field, Notice, Select, TextArea, label, type FormState } from '../../views/components.js';
import type { OpenPointRow } from '../open-days/index.js';
import { MEASURE_PROGRESS } from './open-day-suggestions.schema.js';
import type { MeasureRow, SuggestionRow } from './open-day-suggestions.repository.js';
import { MeasureProgress, StatusBadge, categoryLabel, excerpt } from './open-day-suggestions.parts.js';
import { staffCrumbs } from './open-day-suggestions.admin-views.js';

const measureLabels = (ctx: ViewContext) => ({
  campaignId: ctx.t('suggestions.campaign'),
  title: ctx.t('suggestions.measure_title'),
  description: ctx.t('suggestions.measure_description'),
  ownerDepartmentId: ctx.t('suggestions.measure_owner_unit'),
  owner: ctx.t('suggestions.measure_owner'),
  dueOn: ctx.t('suggestions.due_on'),
  progress: ctx.t('suggestions.measure_progress'),
  progressNote: ctx.t('suggestions.measure_note'),
});

type Option = { value: string; label: string };

function MeasureForm({ ctx, form, action, campaigns, departments }: { ctx: ViewContext; form: FormState; action: string; campaigns: Option[]; departments: Option[] }) {
  const { t } = ctx;
  return (
    <>
      <ErrorSummary ctx={ctx} form={form} labels={measureLabels(ctx)} />
      <form method="post" action={action} class="form">
        <Csrf ctx={ctx} />
        <Select ctx={ctx} form={form} name="campaignId" label={t('suggestions.campaign')} required options={campaigns} />
        <Field ctx={ctx} form={form} name="title" label={t('suggestions.measure_title')} required maxLength={200} />
        <TextArea ctx={ctx} form={form} name="description" label={t('suggestions.measure_description')} rows={4} />
        <Select ctx={ctx} form={form} name="ownerDepartmentId" label={t('suggestions.measure_owner_unit')} options={departments} />
        <Field ctx={ctx} form={form} name="owner" label={t('suggestions.measure_owner')} hint={t('suggestions.measure_owner_hint')} maxLength={120} />
        <Field ctx={ctx} form={form} name="dueOn" type="date" label={t('suggestions.due_on')} />
        <Select ctx={ctx} form={form} name="progress" label={t('suggestions.measure_progress')} required options={MEASURE_PROGRESS.map((p) => ({ value: p, label: label(ctx, `suggestions.progress.${p}`) }))} />
        <TextArea ctx={ctx} form={form} name="progressNote" label={t('suggestions.measure_note')} hint={t('suggestions.measure_note_hint')} rows={3} />
        <button type="submit" class="button primary">
          {t('form.save')}
        </button>
      </form>
    </>
  );
}

/** The staff list of measures, with the form for a new one. */
export function StaffMeasuresPage({
  ctx,
  rows,
  form,
  campaigns,
  departments,
}: {
  ctx: ViewContext;
  rows: Array<MeasureRow & { suggestions: number }>;
  form: FormState;
  campaigns: Option[];
  departments: Option[];
}) {
  const { t } = ctx;
  const title = t('suggestions.measures_manage');
  return (
    <Layout ctx={ctx} title={title} crumbs={staffCrumbs(ctx, { label: title })}>
      <h1>{title}</h1>
      {rows.length === 0 ? (
        <p class="meta">{t('suggestions.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('suggestions.measure_title')}</th>
              <th scope="col">{t('suggestions.measure_owner')}</th>
              <th scope="col">{t('suggestions.measure_progress')}</th>
              <th scope="col">{t('suggestions.answers_count')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  <a href={`/admin/open-days/measures/${m.id}`}>{m.title}</a>
                </th>
                <td>{m.owner || '-'}</td>
                <td>
                  <MeasureProgress ctx={ctx} progress={m.progress} dueOn={m.dueOn} />
                </td>
                <td>{m.suggestions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="new-h">
        <h2 id="new-h">{t('suggestions.measure_new')}</h2>
        <MeasureForm ctx={ctx} form={form} action="/admin/open-days/measures" campaigns={campaigns} departments={departments} />
      </section>
    </Layout>
  );
}

/** A measure's staff page: edit it and its progress, see the suggestions it answers. */
export function StaffMeasurePage({
  ctx,
  measure,
  suggestions,
  editable,
  form,
  notice,
  campaigns,
  departments,
}: {
  ctx: ViewContext;
  measure: MeasureRow;
  suggestions: SuggestionRow[];
  editable: boolean;
  form: FormState;
  notice?: string | undefined;
  campaigns: Option[];
  departments: Option[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={measure.title} crumbs={staffCrumbs(ctx, { label: measure.title })}>
      <h1>{measure.title}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <p>
        <MeasureProgress ctx={ctx} progress={measure.progress} dueOn={measure.dueOn} /> <a href={`/open-days/measures/${measure.id}`}>{t('suggestions.view_public')}</a>
      </p>
      <section aria-labelledby="answers-h">
        <h2 id="answers-h">{t('suggestions.measure_answers', { count: suggestions.length })}</h2>
        <ul class="article-list">
          {suggestions.map((s) => (
            <li key={s.id}>
              <a href={`/admin/open-days/suggestions/${s.id}`}>
                #{s.trackingCode} {excerpt(s.content, 60)}
              </a>
              <span>
                {categoryLabel(ctx, s.category)} · <StatusBadge ctx={ctx} status={s.status} />
              </span>
            </li>
          ))}
        </ul>
      </section>
      {editable && (
        <section aria-labelledby="edit-h">
          <h2 id="edit-h">{t('suggestions.measure_edit')}</h2>
          <MeasureForm ctx={ctx} form={form} action={`/admin/open-days/measures/${measure.id}`} campaigns={campaigns} departments={departments} />
        </section>
      )}
    </Layout>
  );
}

/** A printable page with an open point's suggestion QR code (SVG drawn on the server). */
export function SuggestQrPage({ ctx, point, url, svg }: { ctx: ViewContext; point: OpenPointRow; url: string; svg: string }) {
  const { t } = ctx;
  const title = t('suggestions.qr_title', { topic: point.topic });
  return (
    <Layout ctx={ctx} title={title} crumbs={staffCrumbs(ctx, { label: title })}>
      <h1>{title}</h1>
      <p class="lead">{t('suggestions.qr_lead')}</p>
      <figure class="graphic-figure">
        {/* The SVG comes from the qrcode library (paths only, no script or text from users). */}
        <div role="img" aria-label={t('suggestions.qr_alt', { url })} dangerouslySetInnerHTML={{ __html: svg }} />
        <figcaption>
          {point.organiser} · {point.topic}
          <br />
          {url}
        </figcaption>
      </figure>
      <p>
        <a href={`/admin/open-days/points/${encodeURIComponent(point.code)}/suggest-qr.svg`} download={`suggest-${point.code}.svg`}>
          {t('suggestions.qr_download')}
        </a>
      </p>
    </Layout>
  );
}
