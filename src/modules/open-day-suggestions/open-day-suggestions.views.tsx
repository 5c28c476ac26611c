import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, DateText, DateTimeText, ErrorSummary, Field, Notice, Select, TextArea, label, type FormState } from '../../views/components.js';
import type { CampaignRow, OpenPointRow } from '../open-days/index.js';
import { CATEGORIES, CONTENT_MAX, CONTENT_MIN } from './open-day-suggestions.schema.js';
import { contentIsPublic, publicName } from './open-day-suggestions.presenter.js';
import { MeasureProgress, Paragraphs, PathList, StatusBadge, categoryLabel, excerpt, unitName } from './open-day-suggestions.parts.js';
import type { PublicMeasureData, TrackingData } from './open-day-suggestions.tracker.js';

const formLabels = (ctx: ViewContext) => ({
  category: ctx.t('suggestions.category'),
  content: ctx.t('suggestions.content'),
  submitterName: ctx.t('suggestions.submitter_name'),
  contact: ctx.t('suggestions.contact'),
  pointCode: ctx.t('suggestions.point'),
  registrationCode: ctx.t('suggestions.registration_code'),
});

/** The suggestion form: from an open point's QR code (visit) or online (with an optional point). */
export function SuggestPage({
  ctx,
  form,
  campaign,
  point,
  points,
  action,
}: {
  ctx: ViewContext;
  form: FormState;
  campaign: CampaignRow;
  point?: OpenPointRow | undefined;
  points?: Array<{ code: string; topic: string; organiser: string }> | undefined;
  action: string;
}) {
  const { t } = ctx;
  const title = point ? t('suggestions.suggest_at_point', { topic: point.topic }) : t('suggestions.suggest_online');
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: `/open-days/${campaign.slug}/suggestions`, label: t('suggestions.tracker_title') }, { label: title }]}>
      <h1>{title}</h1>
      <p class="lead">{t('suggestions.suggest_intro', { campaign: campaign.title })}</p>
      {point && (
        <p class="meta">
          {t('suggestions.point_line', { organiser: point.organiser, address: point.address })}
        </p>
      )}
      <ErrorSummary ctx={ctx} form={form} labels={formLabels(ctx)} />
      <form method="post" action={action} class="form">
        <Csrf ctx={ctx} />
        <Select ctx={ctx} form={form} name="category" label={t('suggestions.category')} required options={CATEGORIES.map((c) => ({ value: c, label: categoryLabel(ctx, c) }))} />
        <TextArea ctx={ctx} form={form} name="content" label={t('suggestions.content')} hint={t('suggestions.content_hint', { min: CONTENT_MIN, max: CONTENT_MAX })} required rows={8} />
        {points && (
          <Select ctx={ctx} form={form} name="pointCode" label={t('suggestions.point')} hint={t('suggestions.point_hint')} options={points.map((p) => ({ value: p.code, label: `${p.topic}（${p.organiser}）` }))} />
        )}
        <Field ctx={ctx} form={form} name="submitterName" label={t('suggestions.submitter_name')} hint={t('suggestions.submitter_name_hint')} maxLength={30} autoComplete="name" />
        <Field ctx={ctx} form={form} name="contact" label={t('suggestions.contact')} hint={t('suggestions.contact_hint')} maxLength={200} />
        <Field ctx={ctx} form={form} name="registrationCode" label={t('suggestions.registration_code')} hint={t('suggestions.registration_code_hint')} maxLength={12} />
        <button type="submit" class="button primary">
          {t('suggestions.send')}
        </button>
      </form>
    </Layout>
  );
}

/** The public page of one suggestion: where it stands and every step; a merged one follows its target, a split one lists its parts. */
export function TrackingPage({ ctx, data, sent }: { ctx: ViewContext; data: TrackingData; sent: boolean }) {
  const { t } = ctx;
  const s = data.suggestion;
  const open = contentIsPublic(s, data.published);
  const title = t('suggestions.tracking_title', { code: s.trackingCode });
  const followed = data.target ?? s;
  const followedOpen = data.target ? contentIsPublic(data.target, data.targetPublished) : open;
  const crumbs = data.campaign ? [{ href: `/open-days/${data.campaign.slug}/suggestions`, label: t('suggestions.tracker_title') }, { label: title }] : [{ label: title }];
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs}>
      <h1>{title}</h1>
      {sent && (
        <Notice kind="success">
          <p>{t('suggestions.sent_notice', { code: s.trackingCode })}</p>
          <p>{t('suggestions.sent_keep')}</p>
        </Notice>
      )}
      <p>
        <span class="visually-hidden">{t('suggestions.status_label')}：</span>
        <StatusBadge ctx={ctx} status={s.status} />
      </p>
      <dl class="facts">
        <dt>{t('suggestions.category')}</dt>
        <dd>{categoryLabel(ctx, s.category)}</dd>
        <dt>{t('suggestions.source')}</dt>
        <dd>{label(ctx, `suggestions.source.${s.source}`)}</dd>
        {data.point && (
          <>
            <dt>{t('suggestions.point')}</dt>
            <dd>
              {data.point.topic}（{data.point.organiser}）
            </dd>
          </>
        )}
        <dt>{t('suggestions.submitted_at')}</dt>
        <dd>
          <DateTimeText iso={s.createdAt} />
        </dd>
        {open && publicName(s.submitterName) && (
          <>
            <dt>{t('suggestions.submitter_name')}</dt>
            <dd>{publicName(s.submitterName)}</dd>
          </>
        )}
      </dl>
      <section aria-labelledby="content-h">
        <h2 id="content-h">{t('suggestions.content')}</h2>
        {open ? <Paragraphs text={s.content} /> : <p class="meta">{s.status === 'rejected' ? t('suggestions.content_rejected') : t('suggestions.content_pending')}</p>}
      </section>
      {data.target && (
        <Notice kind="info">
          <p>
            {t('suggestions.merged_into')} <a href={`/open-days/suggestions/${data.target.trackingCode}`}>#{data.target.trackingCode}</a> <StatusBadge ctx={ctx} status={data.target.status} />
          </p>
          <p>{t('suggestions.merged_follows')}</p>
          {followedOpen && <p class="meta">{excerpt(data.target.content, 200)}</p>}
        </Notice>
      )}
      {data.splitFrom && (
        <Notice kind="info">
          <p>
            {t('suggestions.split_from')} <a href={`/open-days/suggestions/${data.splitFrom.trackingCode}`}>#{data.splitFrom.trackingCode}</a> <StatusBadge ctx={ctx} status={data.splitFrom.status} />
          </p>
        </Notice>
      )}
      {data.parts.length > 0 && (
        <Notice kind="info">
          <p>{t('suggestions.split_into', { count: data.parts.length })}</p>
          <ul class="article-list split-parts">
            {data.parts.map((p) => (
              <li key={p.id}>
                <a href={`/open-days/suggestions/${p.trackingCode}`}>#{p.trackingCode}</a> {p.status !== 'rejected' && excerpt(p.content, 60)}
                <span>
                  {categoryLabel(ctx, p.category)} · <StatusBadge ctx={ctx} status={p.status} />
                </span>
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {followed.answer && followedOpen && (
        <section aria-labelledby="answer-h">
          <h2 id="answer-h">{t('suggestions.answer_of', { unit: unitName(ctx, data.departments, followed.departmentId) })}</h2>
          <p class="meta">
            <DateTimeText iso={followed.answeredAt} />
          </p>
          <Paragraphs text={followed.answer} />
        </section>
      )}
      {followed.outcomeReason && followed.status !== 'rejected' && (
        <section aria-labelledby="outcome-h">
          <h2 id="outcome-h">{label(ctx, `suggestions.status.${followed.status}`)}</h2>
          <Paragraphs text={followed.outcomeReason} />
        </section>
      )}
      {data.measure && (
        <section aria-labelledby="measure-h">
          <h2 id="measure-h">{t('suggestions.measure')}</h2>
          <p>
            <a href={`/open-days/measures/${data.measure.id}`}>{data.measure.title}</a>
          </p>
          <p>
            <MeasureProgress ctx={ctx} progress={data.measure.progress} dueOn={data.measure.dueOn} />
          </p>
        </section>
      )}
      <section aria-labelledby="path-h">
        <h2 id="path-h">{t('suggestions.path')}</h2>
        <PathList ctx={ctx} events={data.events.get(s.id) ?? []} departments={data.departments} />
        {data.target && (
          <>
            <h3>{t('suggestions.target_path', { code: data.target.trackingCode })}</h3>
            <PathList ctx={ctx} events={data.events.get(data.target.id) ?? []} departments={data.departments} />
          </>
        )}
      </section>
      <p class="meta">{t('suggestions.contact_never_public')}</p>
    </Layout>
  );
}

/** A measure's public page: who carries it out, by when, how far it is, and the suggestions it answers. */
export function MeasurePage({ ctx, data }: { ctx: ViewContext; data: PublicMeasureData }) {
  const { t } = ctx;
  const m = data.measure;
  return (
    <Layout ctx={ctx} title={m.title} crumbs={[{ href: `/open-days/${data.campaign.slug}/suggestions`, label: t('suggestions.tracker_title') }, { label: m.title }]}>
      <h1>{m.title}</h1>
      <dl class="facts">
        <dt>{t('suggestions.measure_owner')}</dt>
        <dd>{m.owner || unitName(ctx, data.departments, m.ownerDepartmentId)}</dd>
        <dt>{t('suggestions.measure_progress')}</dt>
        <dd>
          <MeasureProgress ctx={ctx} progress={m.progress} dueOn={m.dueOn} />
        </dd>
        <dt>{t('suggestions.measure_updated')}</dt>
        <dd>
          <DateText iso={m.updatedAt} />
        </dd>
      </dl>
      {m.description && <Paragraphs text={m.description} />}
      {m.progressNote && (
        <section aria-labelledby="note-h">
          <h2 id="note-h">{t('suggestions.measure_note')}</h2>
          <Paragraphs text={m.progressNote} />
        </section>
      )}
      <section aria-labelledby="answers-h">
        <h2 id="answers-h">{t('suggestions.measure_answers', { count: data.suggestions.length })}</h2>
        <ul class="article-list">
          {data.suggestions.map((s) => (
            <li key={s.id}>
              <a href={`/open-days/suggestions/${s.trackingCode}`}>
                #{s.trackingCode} {excerpt(s.content, 60)}
              </a>
              <span>
                {categoryLabel(ctx, s.category)} · <StatusBadge ctx={ctx} status={s.status} />
              </span>
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
