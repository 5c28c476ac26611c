import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, DateTimeText, ErrorSummary, Field, Notice, Select, type FormState } from '../../views/components.js';

/** The login page. */
export function LoginPage({ ctx, form, message }: { ctx: ViewContext; form: FormState; message?: string }) {
  const { t } = ctx;
  const labels = { username: t('auth.username'), password: t('auth.password') };
  return (
    <Layout ctx={ctx} title={t('auth.login')} crumbs={[{ label: t('auth.login') }]}>
      <h1>{t('auth.login')}</h1>
      {message && <Notice kind="warning">{message}</Notice>}
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="post" action="/login" class="form narrow" novalidate>
        <Csrf ctx={ctx} />
        <input type="hidden" name="next" value={String(form.values.next ?? '')} />
        <Field ctx={ctx} form={form} name="username" label={labels.username} required autoComplete="username" />
        <Field ctx={ctx} form={form} name="password" label={labels.password} type="password" required autoComplete="current-password" />
        <button type="submit" class="button primary">
          {t('auth.login')}
        </button>
      </form>
      <p>
        {t('auth.no_account')} <a href="/register">{t('auth.register')}</a>
      </p>
    </Layout>
  );
}

/** The registration page for citizens and enterprises. */
export function RegisterPage({ ctx, form }: { ctx: ViewContext; form: FormState }) {
  const { t } = ctx;
  const labels: Record<string, string> = {
    kind: t('auth.account_kind'),
    username: t('auth.username'),
    displayName: t('auth.display_name'),
    password: t('auth.password'),
    passwordConfirm: t('auth.password_confirm'),
    email: t('auth.email'),
    mobile: t('auth.mobile'),
    residentId: t('auth.resident_id'),
    creditCode: t('auth.credit_code'),
    enterpriseName: t('auth.enterprise_name'),
  };
  const kind = form.values.kind === 'enterprise' ? 'enterprise' : 'citizen';
  return (
    <Layout ctx={ctx} title={t('auth.register')} crumbs={[{ label: t('auth.register') }]}>
      <h1>{t('auth.register')}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="post" action="/register" class="form narrow" novalidate>
        <Csrf ctx={ctx} />
        <fieldset>
          <legend>{labels.kind}</legend>
          <label class="choice">
            <input type="radio" name="kind" value="citizen" checked={kind === 'citizen'} /> {t('role.citizen')}
          </label>
          <label class="choice">
            <input type="radio" name="kind" value="enterprise" checked={kind === 'enterprise'} /> {t('role.enterprise')}
          </label>
        </fieldset>
        <Field ctx={ctx} form={form} name="username" label={labels.username!} required autoComplete="username" hint={t('auth.username_hint')} />
        <Field ctx={ctx} form={form} name="displayName" label={labels.displayName!} required autoComplete="name" />
        <Field ctx={ctx} form={form} name="password" label={labels.password!} type="password" required autoComplete="new-password" hint={t('auth.password_hint')} />
        <Field ctx={ctx} form={form} name="passwordConfirm" label={labels.passwordConfirm!} type="password" required autoComplete="new-password" />
        <Field ctx={ctx} form={form} name="email" label={labels.email!} type="email" autoComplete="email" />
        <Field ctx={ctx} form={form} name="mobile" label={labels.mobile!} type="tel" autoComplete="tel" />
        <Field ctx={ctx} form={form} name="residentId" label={labels.residentId!} hint={t('auth.resident_id_hint')} />
        <fieldset>
          <legend>{t('auth.enterprise_fields')}</legend>
          <Field ctx={ctx} form={form} name="creditCode" label={labels.creditCode!} hint={t('auth.credit_code_hint')} maxLength={18} />
          <Field ctx={ctx} form={form} name="enterpriseName" label={labels.enterpriseName!} />
        </fieldset>
        <button type="submit" class="button primary">
          {t('auth.register')}
        </button>
      </form>
    </Layout>
  );
}

/** The signed-in user's account page: profile, password change, logout everywhere. */
export function AccountPage({
  ctx,
  profile,
  form,
  notice,
}: {
  ctx: ViewContext;
  profile: { username: string; displayName: string; role: string; email: string | null; mobile: string | null; residentId: string | null; creditCode: string | null; enterpriseName: string | null };
  form: FormState;
  notice?: string;
}) {
  const { t } = ctx;
  const labels = { currentPassword: t('auth.current_password'), newPassword: t('auth.new_password'), newPasswordConfirm: t('auth.password_confirm') };
  return (
    <Layout ctx={ctx} title={t('account.title')} crumbs={[{ label: t('account.title') }]}>
      <h1>{t('account.title')}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <dl class="facts">
        <dt>{t('auth.username')}</dt>
        <dd>{profile.username}</dd>
        <dt>{t('auth.display_name')}</dt>
        <dd>{profile.displayName}</dd>
        <dt>{t('account.role')}</dt>
        <dd>{ctx.t(`role.${profile.role}` as 'role.citizen')}</dd>
        {profile.email && (
          <>
            <dt>{t('auth.email')}</dt>
            <dd>{profile.email}</dd>
          </>
        )}
        {profile.mobile && (
          <>
            <dt>{t('auth.mobile')}</dt>
            <dd>{profile.mobile}</dd>
          </>
        )}
        {profile.residentId && (
          <>
            <dt>{t('auth.resident_id')}</dt>
            <dd>{profile.residentId}</dd>
          </>
        )}
        {profile.creditCode && (
          <>
            <dt>{t('auth.credit_code')}</dt>
            <dd>{profile.creditCode}</dd>
            <dt>{t('auth.enterprise_name')}</dt>
            <dd>{profile.enterpriseName}</dd>
          </>
        )}
      </dl>
      <nav aria-labelledby="account-links-h" class="account-links">
        <h2 id="account-links-h">{t('account.links')}</h2>
        <ul>
          <li>
            <a href="/account/inbox">{t('account.inbox')}</a>
          </li>
          <li>
            <a href="/account/notifications">{t('account.notifications')}</a>
          </li>
          <li>
            <a href="/account/open-days">{t('registration.mine')}</a>
          </li>
          {(profile.role === 'citizen' || profile.role === 'enterprise') && (
            // Only applicants have service cases; staff work them from the administration pages.
            <li>
              <a href="/my/cases">{t('serviceCases.my_cases')}</a>
            </li>
          )}
          <li>
            <a href="/disclosure-requests/mine">{t('disclosureRequests.my_cases')}</a>
          </li>
          {profile.role === 'enterprise' && (
            <>
              <li>
                <a href="/navigator">{t('navigator.my.title')}</a>
              </li>
              <li>
                <a href="/enterprise/profile">{t('account.enterprise_profile')}</a>
              </li>
            </>
          )}
        </ul>
      </nav>
      <section aria-labelledby="pw-h">
        <h2 id="pw-h">{t('account.change_password')}</h2>
        <ErrorSummary ctx={ctx} form={form} labels={labels} />
        <form method="post" action="/account/password" class="form narrow" novalidate>
          <Csrf ctx={ctx} />
          <Field ctx={ctx} form={form} name="currentPassword" label={labels.currentPassword} type="password" required autoComplete="current-password" />
          <Field ctx={ctx} form={form} name="newPassword" label={labels.newPassword} type="password" required autoComplete="new-password" hint={t('auth.password_hint')} />
          <Field ctx={ctx} form={form} name="newPasswordConfirm" label={labels.newPasswordConfirm} type="password" required autoComplete="new-password" />
          <button type="submit" class="button">
            {t('account.change_password')}
          </button>
        </form>
      </section>
      <section aria-labelledby="le-h">
        <h2 id="le-h">{t('account.logout_everywhere')}</h2>
        <p>{t('account.logout_everywhere_hint')}</p>
        <form method="post" action="/account/logout-everywhere">
          <Csrf ctx={ctx} />
          <button type="submit" class="button">
            {t('account.logout_everywhere')}
          </button>
        </form>
      </section>
    </Layout>
  );
}

interface UserListRow {
  id: number;
  username: string;
  displayName: string;
  role: string;
  disabled: boolean;
  locked: boolean;
  lastLoginAt: string | null;
}

/** The admin list of users. */
export function UserListPage({
  ctx,
  rows,
  total,
  page,
  pageCount,
  filter,
}: {
  ctx: ViewContext;
  rows: UserListRow[];
  total: number;
  page: number;
  pageCount: number;
  filter: { role?: string; q?: string };
}) {
  const { t } = ctx;
  const roles = ['citizen', 'enterprise', 'household', 'editor', 'reviewer', 'admin'];
  const q = (p: number) => `/admin/users?${new URLSearchParams({ ...(filter.role ? { role: filter.role } : {}), ...(filter.q ? { q: filter.q } : {}), page: String(p) }).toString()}`;
  return (
    <Layout ctx={ctx} title={t('admin.users')} crumbs={[{ href: '/admin', label: t('nav.admin') }, { label: t('admin.users') }]}>
      <h1>{t('admin.users')}</h1>
      <p>
        <a class="button" href="/admin/users/new">
          {t('admin.new_user')}
        </a>
      </p>
      <form method="get" action="/admin/users" class="filters">
        <Select ctx={ctx} form={{ values: { role: filter.role }, errors: {} }} name="role" label={t('account.role')} options={roles.map((r) => ({ value: r, label: t(`role.${r}` as 'role.citizen') }))} />
        <Field ctx={ctx} form={{ values: { q: filter.q }, errors: {} }} name="q" label={t('admin.search_users')} type="search" />
        <button type="submit" class="button">
          {t('form.filter')}
        </button>
      </form>
      <p>{t('admin.user_count', { count: total })}</p>
      <table>
        <caption class="visually-hidden">{t('admin.users')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('auth.username')}</th>
            <th scope="col">{t('auth.display_name')}</th>
            <th scope="col">{t('account.role')}</th>
            <th scope="col">{t('admin.state')}</th>
            <th scope="col">{t('admin.last_login')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr key={u.id}>
              <td>
                <a href={`/admin/users/${u.id}`}>{u.username}</a>
              </td>
              <td>{u.displayName}</td>
              <td>{t(`role.${u.role}` as 'role.citizen')}</td>
              <td>{u.disabled ? t('admin.disabled') : u.locked ? t('admin.locked') : t('admin.active')}</td>
              <td>
                <DateTimeText iso={u.lastLoginAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav class="pagination" aria-label={t('layout.pagination')}>
        {page > 1 && <a href={q(page - 1)}>{t('layout.prev_page')}</a>}
        <span>{t('layout.page_of', { page, count: pageCount })}</span>
        {page < pageCount && <a href={q(page + 1)}>{t('layout.next_page')}</a>}
      </nav>
    </Layout>
  );
}

/** Create or edit a user (admin). */
export function UserFormPage({
  ctx,
  form,
  departments,
  userId,
  notice,
}: {
  ctx: ViewContext;
  form: FormState;
  departments: Array<{ id: number; name: string }>;
  userId?: number;
  notice?: string;
}) {
  const { t } = ctx;
  const roles = ['citizen', 'enterprise', 'household', 'editor', 'reviewer', 'admin'];
  const labels: Record<string, string> = {
    username: t('auth.username'),
    displayName: t('auth.display_name'),
    role: t('account.role'),
    password: t('auth.password'),
    email: t('auth.email'),
    departmentIds: t('admin.departments'),
    disabled: t('admin.disabled'),
  };
  const title = userId ? t('admin.edit_user') : t('admin.new_user');
  const selected = new Set(([] as string[]).concat(form.values.departmentIds ?? []));
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/admin', label: t('nav.admin') }, { href: '/admin/users', label: t('admin.users') }, { label: title }]}>
      <h1>{title}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="post" action={userId ? `/admin/users/${userId}` : '/admin/users/new'} class="form" novalidate>
        <Csrf ctx={ctx} />
        {userId ? (
          <p>
            {labels.username}: <strong>{String(form.values.username ?? '')}</strong>
          </p>
        ) : (
          <Field ctx={ctx} form={form} name="username" label={labels.username!} required />
        )}
        <Field ctx={ctx} form={form} name="displayName" label={labels.displayName!} required />
        <Select ctx={ctx} form={form} name="role" label={labels.role!} required options={roles.map((r) => ({ value: r, label: t(`role.${r}` as 'role.citizen') }))} />
        {!userId && <Field ctx={ctx} form={form} name="password" label={labels.password!} type="password" required hint={t('auth.password_hint')} />}
        {!userId && <Field ctx={ctx} form={form} name="email" label={labels.email!} type="email" />}
        <fieldset class={form.errors.departmentIds ? 'has-error' : undefined} id="departmentIds">
          <legend>{labels.departmentIds}</legend>
          <p class="hint">{t('admin.departments_hint')}</p>
          {form.errors.departmentIds && <p class="error">{t(form.errors.departmentIds.key, form.errors.departmentIds.params)}</p>}
          <div class="checkbox-grid">
            {departments.map((d) => (
              <label class="choice" key={d.id}>
                <input type="checkbox" name="departmentIds" value={String(d.id)} checked={selected.has(String(d.id))} /> {d.name}
              </label>
            ))}
          </div>
        </fieldset>
        {userId && (
          <label class="choice">
            <input type="checkbox" name="disabled" value="on" checked={form.values.disabled === 'on'} /> {labels.disabled}
          </label>
        )}
        <button type="submit" class="button primary">
          {t('form.save')}
        </button>
      </form>
      {userId && (
        <form method="post" action={`/admin/users/${userId}/revoke-sessions`}>
          <Csrf ctx={ctx} />
          <button type="submit" class="button">
            {t('admin.revoke_sessions')}
          </button>
        </form>
      )}
    </Layout>
  );
}
