import type { ViewContext } from '../../views/context.js';
import { withQuery } from '../../views/context.js';
import { Csrf, ErrorSummary, Field, Pagination, Select, type FormState } from '../../views/components.js';
import { Layout } from '../../views/layout.js';
import { SCHEMES, SIGNING_STATUSES } from './expropriation.households.js';
import type { OwnHousehold, PublicHousehold } from './expropriation.presenter.js';
import type { ProjectRow } from './expropriation.repository.js';
import { Corrected, enumLabel, num, yuan } from './expropriation.components.js';

/** The masked public list of a project's households, with search and filters. */
export function HouseholdsPage(props: { ctx: ViewContext; project: ProjectRow; rows: PublicHousehold[]; total: number; page: number; pageCount: number; buildings: string[]; form: FormState }) {
  const { ctx, project, rows, form } = props;
  const { t } = ctx;
  const base = `/expropriation/projects/${project.id}`;
  return (
    <Layout ctx={ctx} title={t('expropriation.households_title', { name: project.name })} crumbs={[{ href: '/expropriation', label: t('expropriation.title') }, { href: base, label: project.name }, { label: t('expropriation.households_link') }]}>
      <h1>{t('expropriation.households_title', { name: project.name })}</h1>
      <p class="hint">{t('expropriation.households_hint')}</p>
      <form method="get" action={`${base}/households`} class="filters">
        <Field ctx={ctx} form={form} name="number" label={t('expropriation.field.number')} maxLength={30} />
        <Select ctx={ctx} form={form} name="building" label={t('expropriation.field.building')} options={[{ value: '', label: t('expropriation.all') }, ...props.buildings.map((b) => ({ value: b, label: b }))]} />
        <Select ctx={ctx} form={form} name="signing" label={t('expropriation.field.signingStatus')} options={[{ value: '', label: t('expropriation.all') }, ...SIGNING_STATUSES.map((s) => ({ value: s, label: enumLabel(ctx, 'signing', s) }))]} />
        <Select ctx={ctx} form={form} name="scheme" label={t('expropriation.field.scheme')} options={[{ value: '', label: t('expropriation.all') }, ...SCHEMES.map((s) => ({ value: s, label: enumLabel(ctx, 'scheme', s) }))]} />
        <button type="submit" class="button">{t('expropriation.search')}</button>
      </form>
      <p role="status">{t('expropriation.households_found', { n: num(ctx, props.total) })}</p>
      <table class="exp-table">
        <caption class="visually-hidden">{t('expropriation.households_title', { name: project.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('expropriation.field.number')}</th>
            <th scope="col">{t('expropriation.field.ownerName')}</th>
            <th scope="col">{t('expropriation.field.building')}</th>
            <th scope="col">{t('expropriation.field.area')}</th>
            <th scope="col">{t('expropriation.field.rightsStatus')}</th>
            <th scope="col">{t('expropriation.field.scheme')}</th>
            <th scope="col">{t('expropriation.field.compensation')}</th>
            <th scope="col">{t('expropriation.field.signingStatus')}</th>
            <th scope="col">{t('expropriation.field.selectionOrder')}</th>
            <th scope="col">{t('expropriation.field.paymentStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((h) => (
            <tr key={h.id}>
              <td>{h.number} <Corrected ctx={ctx} on={h.correctedOn} /></td>
              <td>{h.name}</td>
              <td>{h.building}</td>
              <td>{t('expropriation.m2', { area: h.area })}</td>
              <td>{enumLabel(ctx, 'rights', h.rightsStatus)}</td>
              <td>{enumLabel(ctx, 'scheme', h.scheme)}</td>
              <td>{yuan(ctx, h.compensation)}</td>
              <td>{enumLabel(ctx, 'signing', h.signingStatus)}{h.signedOn && <> · {h.signedOn}</>}</td>
              <td>{h.selectionOrder ?? '-'}</td>
              <td>{enumLabel(ctx, 'payment', h.paymentStatus)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination ctx={ctx} page={props.page} pageCount={props.pageCount} hrefFor={(p) => withQuery(ctx.url, 'page', String(p))} />
    </Layout>
  );
}

/** The household's sign-in: its access code and ID number. */
export function SignInPage({ ctx, form }: { ctx: ViewContext; form: FormState }) {
  const { t } = ctx;
  const labels = { code: t('expropriation.field.code'), idNumber: t('expropriation.field.idNumber') };
  return (
    <Layout ctx={ctx} title={t('expropriation.sign_in_title')} crumbs={[{ href: '/expropriation', label: t('expropriation.title') }, { label: t('expropriation.sign_in_title') }]}>
      <h1>{t('expropriation.sign_in_title')}</h1>
      <p>{t('expropriation.sign_in_hint')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="post" action="/expropriation/sign-in" class="form narrow" novalidate>
        <Csrf ctx={ctx} />
        <Field ctx={ctx} form={form} name="code" label={labels.code} required autoComplete="off" maxLength={30} />
        <Field ctx={ctx} form={form} name="idNumber" label={labels.idNumber} required autoComplete="off" maxLength={18} />
        <button type="submit" class="button">{t('expropriation.sign_in')}</button>
      </form>
    </Layout>
  );
}

/** A household's whole record, as it sees it itself. */
export function OwnHouseholdPage({ ctx, project, h, own }: { ctx: ViewContext; project: ProjectRow; h: OwnHousehold; own: boolean }) {
  const { t } = ctx;
  const row = (k: string, v: string | number | null) => (
    <>
      <dt>{t(`expropriation.field.${k}` as Parameters<typeof t>[0])}</dt>
      <dd>{v === null || v === '' ? '-' : v}</dd>
    </>
  );
  return (
    <Layout ctx={ctx} title={t('expropriation.own_title', { number: h.number })} crumbs={[{ href: '/expropriation', label: t('expropriation.title') }, { href: `/expropriation/projects/${project.id}`, label: project.name }, { label: h.number }]}>
      <h1>{t('expropriation.own_title', { number: h.number })}</h1>
      <Corrected ctx={ctx} on={h.correctedOn} />
      <dl class="facts">
        {row('ownerName', h.name)}
        {row('idNumber', h.idNumber)}
        {row('address', [h.building, h.unit, h.room].filter(Boolean).join(' '))}
        {row('area', t('expropriation.m2', { area: h.area }))}
        {row('surveyStatus', enumLabel(ctx, 'survey', h.surveyStatus))}
        {row('surveyNote', h.surveyNote)}
        {row('rightsStatus', enumLabel(ctx, 'rights', h.rightsStatus))}
        {row('valuation', yuan(ctx, h.valuation))}
        {row('scheme', enumLabel(ctx, 'scheme', h.scheme))}
        {row('compensation', yuan(ctx, h.compensation))}
        {row('subsidy', yuan(ctx, h.subsidy))}
        {row('signingStatus', enumLabel(ctx, 'signing', h.signingStatus))}
        {row('signedOn', h.signedOn)}
        {row('selectionOrder', h.selectionOrder)}
        {row('paymentStatus', enumLabel(ctx, 'payment', h.paymentStatus))}
        {row('paidOn', h.paidOn)}
      </dl>
      {own && (
        <form method="post" action="/expropriation/sign-out" class="inline">
          <Csrf ctx={ctx} />
          <button type="submit" class="button">{t('expropriation.sign_out')}</button>
        </form>
      )}
    </Layout>
  );
}
