import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, ErrorSummary, Field, Notice, Select, TextArea, type FormState } from '../../views/components.js';
import type { FieldProblem } from '../../http/errors.js';
import type { CampaignRow, OpenPointRow, SessionRow, ThemeRow } from './open-days.repository.js';
import type { TemplateSection } from './open-days.template.js';
import { LEVELS } from './open-days.programme.js';
import { POINT_STATUSES } from './open-days.schema.js';
import { adminCrumbs } from './open-days.admin-views.js';
import { SessionTime, dayLabel, themeTitle } from './open-days.components.js';
import { isoToChinaLocal } from '../../platform/clock.js';

const pointLabels = (ctx: ViewContext, sections: TemplateSection[]) => ({
  code: ctx.t('openDays.code'),
  level: ctx.t('openDays.level'),
  themeId: ctx.t('openDays.theme'),
  district: ctx.t('openDays.district'),
  departmentId: ctx.t('openDays.department'),
  organiser: ctx.t('openDays.organiser'),
  topic: ctx.t('openDays.topic'),
  address: ctx.t('openDays.address'),
  lat: ctx.t('openDays.lat'),
  lng: ctx.t('openDays.lng'),
  description: ctx.t('openDays.description'),
  accessibility: ctx.t('openDays.accessibility'),
  contactName: ctx.t('openDays.contact_name'),
  contactPhone: ctx.t('openDays.contact_phone'),
  liveUrl: ctx.t('openDays.live_url'),
  replayUrl: ctx.t('openDays.replay_url'),
  guestQuota: ctx.t('openDays.guest_quota'),
  status: ctx.t('openDays.status'),
  ...Object.fromEntries(sections.map((s) => [`section_${s.key}`, ctx.locale === 'en' ? s.titleEn : s.titleZh])),
});

/** The form values of an existing point. */
export function pointFormValues(p: OpenPointRow, texts: Record<string, string>): FormState['values'] {
  const v: FormState['values'] = {
    code: p.code,
    level: p.level,
    themeId: p.themeId ? String(p.themeId) : '',
    district: p.district,
    departmentId: p.departmentId ? String(p.departmentId) : '',
    organiser: p.organiser,
    topic: p.topic,
    address: p.address,
    lat: p.lat === null ? '' : String(p.lat),
    lng: p.lng === null ? '' : String(p.lng),
    description: p.description,
    accessibility: p.accessibility,
    contactName: p.contactName,
    contactPhone: p.contactPhone,
    liveUrl: p.liveUrl,
    replayUrl: p.replayUrl,
    guestQuota: String(p.guestQuota),
    status: p.status,
  };
  for (const [k, text] of Object.entries(texts)) {
    v[`section_${k}`] = text;
  }
  return v;
}

interface PointFormProps {
  ctx: ViewContext;
  form: FormState;
  campaign: CampaignRow;
  themes: ThemeRow[];
  sections: TemplateSection[];
  departments: Array<{ id: number; name: string }>;
  action: string;
}

function PointForm({ ctx, form, campaign, themes, sections, departments, action }: PointFormProps) {
  const { t } = ctx;
  return (
    <>
      <ErrorSummary ctx={ctx} form={form} labels={pointLabels(ctx, sections)} />
      <form method="post" action={action} class="form">
        <Csrf ctx={ctx} />
        <Field ctx={ctx} form={form} name="topic" label={t('openDays.topic')} required maxLength={200} />
        <Select ctx={ctx} form={form} name="level" label={t('openDays.level')} required options={LEVELS.map((l) => ({ value: l, label: t(`openDays.level.${l}`) }))} />
        <Select ctx={ctx} form={form} name="themeId" label={t('openDays.theme')} options={themes.map((th) => ({ value: String(th.id), label: `${dayLabel(ctx, th.day)} ${themeTitle(ctx, th)}` }))} />
        <Field ctx={ctx} form={form} name="organiser" label={t('openDays.organiser')} hint={t('openDays.organiser_hint')} required maxLength={120} />
        <Select ctx={ctx} form={form} name="departmentId" label={t('openDays.department')} hint={t('openDays.department_hint')} options={departments.map((d) => ({ value: String(d.id), label: d.name }))} />
        <Field ctx={ctx} form={form} name="district" label={t('openDays.district')} hint={t('openDays.district_hint')} maxLength={40} />
        <Field ctx={ctx} form={form} name="address" label={t('openDays.address')} required maxLength={200} />
        <Field ctx={ctx} form={form} name="lat" type="text" label={t('openDays.lat')} hint={t('openDays.coords_hint')} />
        <Field ctx={ctx} form={form} name="lng" type="text" label={t('openDays.lng')} />
        <TextArea ctx={ctx} form={form} name="description" label={t('openDays.description')} rows={3} />
        <fieldset class="card-fields">
          <legend>{t('openDays.template_sections_legend', { title: campaign.title })}</legend>
          {sections.map((s) => (
            <TextArea key={s.key} ctx={ctx} form={form} name={`section_${s.key}`} label={ctx.locale === 'en' ? s.titleEn : s.titleZh} hint={s.hint || undefined} rows={3} />
          ))}
        </fieldset>
        <TextArea ctx={ctx} form={form} name="accessibility" label={t('openDays.accessibility')} hint={t('openDays.accessibility_hint')} rows={2} />
        <Field ctx={ctx} form={form} name="contactName" label={t('openDays.contact_name')} maxLength={60} />
        <Field ctx={ctx} form={form} name="contactPhone" type="tel" label={t('openDays.contact_phone')} maxLength={40} />
        <Field ctx={ctx} form={form} name="liveUrl" type="url" label={t('openDays.live_url')} hint={t('openDays.url_hint')} maxLength={500} />
        <Field ctx={ctx} form={form} name="replayUrl" type="url" label={t('openDays.replay_url')} hint={t('openDays.url_hint')} maxLength={500} />
        <Field ctx={ctx} form={form} name="guestQuota" type="number" label={t('openDays.guest_quota')} hint={t('openDays.guest_quota_hint')} />
        <Field ctx={ctx} form={form} name="code" label={t('openDays.code')} hint={t('openDays.code_hint')} maxLength={30} />
        <Select ctx={ctx} form={form} name="status" label={t('openDays.status')} required options={POINT_STATUSES.map((s) => ({ value: s, label: t(`openDays.point_status.${s}`) }))} />
        <button type="submit" class="button primary">
          {t('form.save')}
        </button>
      </form>
    </>
  );
}

/** A new point's form. */
export function NewPointPage(props: Omit<PointFormProps, 'action'>) {
  const { ctx, campaign } = props;
  const title = ctx.t('openDays.new_point');
  return (
    <Layout ctx={ctx} title={title} crumbs={adminCrumbs(ctx, { href: `/admin/open-days/${campaign.id}`, label: campaign.title }, { label: title })}>
      <h1>{title}</h1>
      <PointForm {...props} action={`/admin/open-days/${campaign.id}/points/new`} />
    </Layout>
  );
}

/** Problems of one session's form, shown beside that session only. */
export interface SessionFormError {
  sessionId: number | 'new';
  errors: Record<string, FieldProblem>;
  values: Record<string, string>;
}

function SessionInputs({ ctx, prefix, values, errors }: { ctx: ViewContext; prefix: string; values: Record<string, string>; errors: Record<string, FieldProblem> }) {
  const { t } = ctx;
  const fields = [
    { name: 'startsAt', type: 'datetime-local', label: t('openDays.session_starts') },
    { name: 'endsAt', type: 'datetime-local', label: t('openDays.session_ends') },
    { name: 'capacity', type: 'number', label: t('openDays.capacity') },
  ];
  return (
    <>
      {fields.map((f) => {
        const id = `${prefix}-${f.name}`;
        const p = errors[f.name];
        return (
          <div key={f.name} class={p ? 'field has-error' : 'field'}>
            <label for={id}>
              {f.label}
              <span class="req"> ({t('form.required')})</span>
            </label>
            {p && (
              <p class="error" id={`${id}-error`}>
                <span class="visually-hidden">{t('form.error_prefix')}</span>
                {t(p.key, p.params)}
              </p>
            )}
            <input id={id} name={f.name} type={f.type} value={values[f.name] ?? ''} required aria-invalid={p ? 'true' : undefined} aria-describedby={p ? `${id}-error` : undefined} min={f.type === 'number' ? 1 : undefined} />
          </div>
        );
      })}
    </>
  );
}

/** A point's edit page: the point's form, then its sessions, each with its own small form. */
export function EditPointPage(props: Omit<PointFormProps, 'action'> & { point: OpenPointRow; sessions: SessionRow[]; notice?: string; sessionError?: SessionFormError }) {
  const { ctx, campaign, point, sessions, notice, sessionError } = props;
  const { t } = ctx;
  const title = t('openDays.edit_point', { topic: point.topic });
  const errFor = (id: number | 'new') => (sessionError?.sessionId === id ? sessionError : undefined);
  const newErr = errFor('new');
  return (
    <Layout ctx={ctx} title={title} crumbs={adminCrumbs(ctx, { href: `/admin/open-days/${campaign.id}`, label: campaign.title }, { label: point.topic })}>
      <h1>{title}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      {point.status !== 'draft' && (
        <p>
          <a href={`/open-days/points/${encodeURIComponent(point.code)}`}>{t('openDays.public_page')}</a>
        </p>
      )}
      <section aria-labelledby="sessions-h" id="sessions">
        <h2 id="sessions-h">{t('openDays.sessions')}</h2>
        <p class="hint">{t('openDays.sessions_hint', { from: campaign.startsOn, to: campaign.endsOn })}</p>
        {sessions.map((s) => {
          const err = errFor(s.id);
          const values = err?.values ?? { startsAt: isoToChinaLocal(s.startsAt), endsAt: isoToChinaLocal(s.endsAt), capacity: String(s.capacity) };
          return (
            <div key={s.id} class="card" id={`session-${s.id}`}>
              <h3>
                <SessionTime startsAt={s.startsAt} endsAt={s.endsAt} />
              </h3>
              <p class="meta">{t('openDays.session_booked', { booked: s.booked, capacity: s.capacity, waitlisted: s.waitlisted })}</p>
              <form method="post" action={`/admin/open-days/points/${point.id}/sessions/${s.id}`} class="filters">
                <Csrf ctx={ctx} />
                <SessionInputs ctx={ctx} prefix={`s${s.id}`} values={values} errors={err?.errors ?? {}} />
                <button type="submit" class="button">
                  {t('openDays.save_session')}
                </button>
              </form>
              {s.booked === 0 && s.waitlisted === 0 && (
                <form method="post" action={`/admin/open-days/points/${point.id}/sessions/${s.id}/delete`} class="inline">
                  <Csrf ctx={ctx} />
                  <button type="submit" class="button danger">
                    {t('openDays.delete_session')}
                  </button>
                </form>
              )}
            </div>
          );
        })}
        <h3>{t('openDays.add_session')}</h3>
        <form method="post" action={`/admin/open-days/points/${point.id}/sessions`} class="filters">
          <Csrf ctx={ctx} />
          <SessionInputs ctx={ctx} prefix="new" values={newErr?.values ?? {}} errors={newErr?.errors ?? {}} />
          <button type="submit" class="button primary">
            {t('openDays.add_session')}
          </button>
        </form>
      </section>
      <h2>{t('openDays.point_details')}</h2>
      <PointForm {...props} action={`/admin/open-days/points/${point.id}`} />
    </Layout>
  );
}
