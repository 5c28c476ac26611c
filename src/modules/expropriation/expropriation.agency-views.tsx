import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import type { agencyReport } from './expropriation.agency.js';
import { num } from './expropriation.components.js';

/** The agency-service report of a project: time to completion against the old way, visits, satisfaction. */
export function AgencyPage({ ctx, report }: { ctx: ViewContext; report: Awaited<ReturnType<typeof agencyReport>> }) {
  const { t } = ctx;
  const { project, summary: s } = report;
  return (
    <Layout ctx={ctx} title={t('expropriation.agency_title', { name: project.name })} crumbs={[{ href: '/admin', label: t('nav.admin') }, { href: `/admin/expropriation/projects/${project.id}`, label: project.name }, { label: t('expropriation.agency_link') }]}>
      <h1>{t('expropriation.agency_title', { name: project.name })}</h1>
      <table class="exp-table">
        <tbody>
          <tr><th scope="row">{t('expropriation.agency_cases')}</th><td>{num(ctx, s.cases)}</td></tr>
          <tr><th scope="row">{t('expropriation.agency_completed')}</th><td>{num(ctx, s.completed)}</td></tr>
          <tr><th scope="row">{t('expropriation.agency_median')}</th><td>{t('expropriation.working_days', { n: s.medianDays })}</td></tr>
          <tr><th scope="row">{t('expropriation.agency_average')}</th><td>{t('expropriation.working_days', { n: s.averageDays })}</td></tr>
          <tr><th scope="row">{t('expropriation.agency_before')}</th><td>{t('expropriation.agency_before_value', { days: s.oldDays, departments: s.oldDepartments })}</td></tr>
          <tr><th scope="row">{t('expropriation.agency_special')}</th><td>{num(ctx, s.specialGroups)} · {t('expropriation.agency_visits', { n: s.homeVisits })}</td></tr>
          <tr><th scope="row">{t('expropriation.agency_callbacks')}</th><td>{num(ctx, s.callbacks)} · {t('expropriation.agency_satisfaction', { avg: s.satisfactionAverage, satisfied: s.satisfied })}</td></tr>
        </tbody>
      </table>
      <h2>{t('expropriation.agency_levels')}</h2>
      <table class="exp-table">
        <thead><tr><th scope="col">{t('expropriation.agency_level')}</th><th scope="col">{t('expropriation.col.households')}</th></tr></thead>
        <tbody>{s.byLevel.map((l) => <tr key={l.level}><td>{l.level}</td><td>{num(ctx, l.n)}</td></tr>)}</tbody>
      </table>
    </Layout>
  );
}
