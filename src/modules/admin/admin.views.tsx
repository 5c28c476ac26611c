import type { ViewContext } from '../../views/context.js';
import type { AdminLink } from '../../http/context.js';
import type { MessageKey } from '../../platform/i18n/index.js';
import { Layout } from '../../views/layout.js';
import { Csrf, DateTimeText, Notice, Select } from '../../views/components.js';
import type { ChainVerification } from '../../platform/audit/index.js';
import { StatusBadge } from '../portal/portal.admin-views.js';

const crumb = (ctx: ViewContext) => ({ href: '/admin', label: ctx.t('nav.admin') });

/** The staff start page: what waits for them and where to go. */
export function DashboardPage({ ctx, counts, departments, links = [] }: { ctx: ViewContext; counts: Record<string, number>; departments: string[]; links?: AdminLink[] }) {
  const { t } = ctx;
  const u = ctx.user!;
  const admin = u.role === 'admin';
  return (
    <Layout ctx={ctx} title={t('admin.dashboard')} crumbs={[{ label: t('nav.admin') }]}>
      <h1>{t('admin.dashboard')}</h1>
      <p>{t('admin.welcome', { name: u.displayName, role: t(`role.${u.role}` as 'role.admin') })}</p>
      <p>
        {t('admin.your_departments')}: {admin ? t('admin.all_departments') : departments.join('、') || '-'}
      </p>
      <section aria-labelledby="counts-h">
        <h2 id="counts-h">{t('admin.article_counts')}</h2>
        <ul class="card-list">
          {(['draft', 'in_review', 'rejected', 'published', 'withdrawn'] as const).map((s) => (
            <li key={s} class="card">
              <a href={`/admin/articles?status=${s}`}>
                <StatusBadge ctx={ctx} status={s} /> {counts[s] ?? 0}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="tasks-h">
        <h2 id="tasks-h">{t('admin.tasks')}</h2>
        <ul class="module-cards">
          {(u.role === 'editor' || admin) && (
            <li class="card">
              <a href="/admin/articles/new">{t('portal.new_article')}</a>
            </li>
          )}
          <li class="card">
            <a href="/admin/articles">{t('portal.articles')}</a>
          </li>
          <li class="card">
            <a href="/admin/policies">{t('policies.manage')}</a>
          </li>
          {links
            .filter((l) => l.roles.includes(u.role))
            .map((l) => (
              <li class="card" key={l.href}>
                <a href={l.href}>{t(l.labelKey as MessageKey)}</a>
              </li>
            ))}
          {(u.role === 'reviewer' || admin) && (
            <li class="card">
              <a href="/admin/articles?status=in_review">{t('admin.awaiting_review', { count: counts.in_review ?? 0 })}</a>
            </li>
          )}
          {admin && (
            <>
              <li class="card">
                <a href="/admin/columns">{t('portal.columns')}</a>
              </li>
              <li class="card">
                <a href="/admin/departments">{t('departments.manage')}</a>
              </li>
              <li class="card">
                <a href="/admin/users">{t('admin.users')}</a>
              </li>
              <li class="card">
                <a href="/admin/audit">{t('admin.audit')}</a>
              </li>
              <li class="card">
                <a href="/admin/jobs">{t('admin.jobs')}</a>
              </li>
            </>
          )}
        </ul>
      </section>
    </Layout>
  );
}

interface AuditRow {
  id: number;
  at: string;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  beforeJson: string | null;
  afterJson: string | null;
  hash: string;
}

function pretty(json: string | null): string {
  if (!json) {
    return '';
  }
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

/** The audit log browser with the chain check. */
export function AuditPage({
  ctx,
  rows,
  entityTypes,
  entityType,
  verification,
  olderHref,
}: {
  ctx: ViewContext;
  rows: AuditRow[];
  entityTypes: string[];
  entityType: string | undefined;
  verification: ChainVerification | null;
  olderHref: string | null;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('admin.audit')} crumbs={[crumb(ctx), { label: t('admin.audit') }]}>
      <h1>{t('admin.audit')}</h1>
      <p>{t('admin.audit_intro')}</p>
      {verification &&
        (verification.ok ? (
          <Notice kind="success">
            <span class="ok">{t('admin.audit_ok', { count: verification.checked })}</span>
          </Notice>
        ) : (
          <div class="notice notice-warning broken" role="alert">
            {verification.brokenAtId === null
              ? t('admin.audit_missing', { count: verification.checked })
              : t('admin.audit_broken', { id: verification.brokenAtId, reason: t(`admin.audit_reason.${verification.reason ?? 'link_broken'}`), count: verification.checked })}
          </div>
        ))}
      <div class="toolbar">
        <form method="get" action="/admin/audit/verify">
          <button type="submit" class="button primary">
            {t('admin.audit_verify')}
          </button>
        </form>
        <form method="get" action="/admin/audit" class="filters">
          <Select ctx={ctx} form={{ values: { entityType }, errors: {} }} name="entityType" label={t('admin.audit_entity_type')} options={entityTypes.map((e) => ({ value: e, label: e }))} />
          <button type="submit" class="button">
            {t('form.filter')}
          </button>
        </form>
      </div>
      <table>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('admin.audit_at')}</th>
            <th scope="col">{t('admin.audit_actor')}</th>
            <th scope="col">{t('admin.audit_action')}</th>
            <th scope="col">{t('admin.audit_entity')}</th>
            <th scope="col">{t('admin.audit_before')}</th>
            <th scope="col">{t('admin.audit_after')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} id={`entry-${r.id}`}>
              <td>{r.id}</td>
              <td>
                <DateTimeText iso={r.at} />
              </td>
              <td>{r.actorName}</td>
              <td>{r.action}</td>
              <td>
                {r.entityType} {r.entityId}
              </td>
              <td>{r.beforeJson && <pre class="diff-before">{pretty(r.beforeJson)}</pre>}</td>
              <td>{r.afterJson && <pre class="diff-after">{pretty(r.afterJson)}</pre>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {olderHref && (
        <nav class="pagination" aria-label={t('layout.pagination')}>
          <a href={olderHref}>{t('admin.audit_older')}</a>
        </nav>
      )}
    </Layout>
  );
}

/** Background jobs: counts and the dead-letter list. */
export function JobsPage({
  ctx,
  counts,
  dead,
}: {
  ctx: ViewContext;
  counts: Record<string, number>;
  dead: Array<{ id: number; queue: string; attempts: number; lastError: string | null; createdAt: string }>;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('admin.jobs')} crumbs={[crumb(ctx), { label: t('admin.jobs') }]}>
      <h1>{t('admin.jobs')}</h1>
      <p>{t('admin.jobs_intro')}</p>
      <h2>{t('admin.jobs_counts')}</h2>
      <dl class="facts">
        {(['pending', 'running', 'done', 'dead'] as const).map((s) => (
          <>
            <dt>{t(`admin.job_status.${s}`)}</dt>
            <dd>{counts[s] ?? 0}</dd>
          </>
        ))}
      </dl>
      <h2>{t('admin.jobs_dead')}</h2>
      {dead.length === 0 ? (
        <p>{t('admin.jobs_none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('admin.jobs_queue')}</th>
              <th scope="col">{t('admin.jobs_attempts')}</th>
              <th scope="col">{t('admin.jobs_error')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('admin.jobs_retry')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {dead.map((j) => (
              <tr key={j.id}>
                <td>{j.id}</td>
                <td>{j.queue}</td>
                <td>{j.attempts}</td>
                <td>{j.lastError}</td>
                <td>
                  <form method="post" action={`/admin/jobs/${j.id}/retry`}>
                    <Csrf ctx={ctx} />
                    <button type="submit" class="button">
                      {t('admin.jobs_retry')}
                      <span class="visually-hidden"> #{j.id}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
