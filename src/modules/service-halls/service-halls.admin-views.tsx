import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, ErrorSummary, Field, Notice, Select, TextArea, type FormState } from '../../views/components.js';
import type { HallRow, PickerItem, TerminalRow, WindowRow } from './service-halls.repository.js';
import { DAY_FIELDS, HALL_LEVELS, PLACE_KINDS, WINDOW_KINDS } from './service-halls.schema.js';
import { kindName, levelName, placeName } from './service-halls.components.js';

const crumbs = (ctx: ViewContext, ...more: Array<{ href?: string; label: string }>) => [{ href: '/admin', label: ctx.t('nav.admin') }, { href: '/admin/services/halls', label: ctx.t('serviceHalls.manage') }, ...more];
type Option = { value: string; label: string };

/** A checkbox field (value 1) with its label. */
function CheckField({ ctx, form, name, label }: { ctx: ViewContext; form: FormState; name: string; label: string }) {
  const v = form.values[name];
  return (
    <div class="field">
      <label class="choice">
        <input type="checkbox" id={name} name={name} value="1" checked={v === '1' || v === 'on'} /> {label}
      </label>
      {form.errors[name] && <p class="error">{ctx.t(form.errors[name].key, form.errors[name].params)}</p>}
    </div>
  );
}

/** Staff list of halls. */
export function AdminHallsPage({ ctx, halls, counts, notice }: { ctx: ViewContext; halls: HallRow[]; counts: Map<number, number>; notice?: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('serviceHalls.manage')} crumbs={[{ href: '/admin', label: t('nav.admin') }, { label: t('serviceHalls.manage') }]}>
      <h1>{t('serviceHalls.manage')}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <p>
        <a class="button primary" href="/admin/services/halls/new">
          {t('serviceHalls.new_hall')}
        </a>{' '}
        <a class="button" href="/admin/services/terminals">
          {t('serviceHalls.manage_terminals')}
        </a>
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('serviceHalls.f.code')}</th>
            <th scope="col">{t('serviceHalls.f.name')}</th>
            <th scope="col">{t('serviceHalls.f.level')}</th>
            <th scope="col">{t('serviceHalls.f.street')}</th>
            <th scope="col">{t('serviceHalls.windows')}</th>
            <th scope="col">{t('serviceHalls.f.active')}</th>
          </tr>
        </thead>
        <tbody>
          {halls.map((h) => (
            <tr key={h.id}>
              <td>{h.code}</td>
              <th scope="row">
                <a href={`/admin/services/halls/${h.id}`}>{h.name}</a>
              </th>
              <td>{levelName(ctx, h.level)}</td>
              <td>{h.street || '-'}</td>
              <td>{counts.get(h.id) ?? 0}</td>
              <td>{h.active === 1 ? t('serviceHalls.yes') : t('serviceHalls.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

const hallLabels = (ctx: ViewContext): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const k of ['code', 'level', 'name', 'parentId', 'street', 'address', 'lat', 'lng', 'phone', 'lunchFrom', 'lunchTo', 'opensOnHolidays', 'extraService', 'transport', 'accessibility', 'services', 'active', ...DAY_FIELDS]) {
    out[k] = ctx.t(`serviceHalls.f.${k}` as 'serviceHalls.f.code');
  }
  return out;
};

/** The hall form (new or edit). */
function HallForm({ ctx, form, action, parents }: { ctx: ViewContext; form: FormState; action: string; parents: Option[] }) {
  const { t } = ctx;
  const l = hallLabels(ctx);
  return (
    <form method="post" action={action} novalidate>
      <Csrf ctx={ctx} />
      <ErrorSummary ctx={ctx} form={form} labels={l} />
      <Field ctx={ctx} form={form} name="code" label={l.code!} required hint={t('serviceHalls.code_hint')} maxLength={30} />
      <Select ctx={ctx} form={form} name="level" label={l.level!} required options={HALL_LEVELS.map((v) => ({ value: v, label: levelName(ctx, v) }))} />
      <Field ctx={ctx} form={form} name="name" label={l.name!} required maxLength={120} />
      <Select ctx={ctx} form={form} name="parentId" label={l.parentId!} options={parents} hint={t('serviceHalls.parent_hint')} />
      <Field ctx={ctx} form={form} name="street" label={l.street!} maxLength={20} />
      <Field ctx={ctx} form={form} name="address" label={l.address!} required maxLength={200} />
      <Field ctx={ctx} form={form} name="lat" label={l.lat!} />
      <Field ctx={ctx} form={form} name="lng" label={l.lng!} />
      <Field ctx={ctx} form={form} name="phone" label={l.phone!} type="tel" maxLength={40} />
      <fieldset>
        <legend>{t('serviceHalls.hours')}</legend>
        <p class="hint">{t('serviceHalls.hours_hint')}</p>
        {DAY_FIELDS.map((f) => (
          <Field key={f} ctx={ctx} form={form} name={f} label={l[f]!} maxLength={100} />
        ))}
        <Field ctx={ctx} form={form} name="lunchFrom" label={l.lunchFrom!} hint={t('serviceHalls.lunch_hint')} />
        <Field ctx={ctx} form={form} name="lunchTo" label={l.lunchTo!} />
        <CheckField ctx={ctx} form={form} name="opensOnHolidays" label={l.opensOnHolidays!} />
      </fieldset>
      <TextArea ctx={ctx} form={form} name="extraService" label={l.extraService!} rows={2} />
      <TextArea ctx={ctx} form={form} name="transport" label={l.transport!} rows={3} />
      <TextArea ctx={ctx} form={form} name="accessibility" label={l.accessibility!} rows={3} />
      <TextArea ctx={ctx} form={form} name="services" label={l.services!} rows={3} />
      <CheckField ctx={ctx} form={form} name="active" label={l.active!} />
      <button class="button primary" type="submit">
        {t('form.save')}
      </button>
    </form>
  );
}

/** New hall. */
export function NewHallPage({ ctx, form, parents }: { ctx: ViewContext; form: FormState; parents: Option[] }) {
  return (
    <Layout ctx={ctx} title={ctx.t('serviceHalls.new_hall')} crumbs={crumbs(ctx, { label: ctx.t('serviceHalls.new_hall') })}>
      <h1>{ctx.t('serviceHalls.new_hall')}</h1>
      <HallForm ctx={ctx} form={form} action="/admin/services/halls/new" parents={parents} />
    </Layout>
  );
}

/** Edit a hall, list its windows, add a window. */
export function EditHallPage(p: { ctx: ViewContext; hall: HallRow; form: FormState; parents: Option[]; windows: Array<{ window: WindowRow; items: number }>; notice?: string }) {
  const { ctx, hall } = p;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={hall.name} crumbs={crumbs(ctx, { label: hall.name })}>
      <h1>{hall.name}</h1>
      {p.notice && <Notice kind="success">{p.notice}</Notice>}
      <p>
        <a href={`/services/halls/${hall.id}`}>{t('serviceHalls.public_page')}</a>
      </p>
      <section aria-labelledby="windows-h">
        <h2 id="windows-h">{t('serviceHalls.windows_heading', { count: p.windows.length })}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('serviceHalls.wf.number')}</th>
              <th scope="col">{t('serviceHalls.wf.name')}</th>
              <th scope="col">{t('serviceHalls.wf.kind')}</th>
              <th scope="col">{t('serviceHalls.items')}</th>
            </tr>
          </thead>
          <tbody>
            {p.windows.map(({ window: w, items }) => (
              <tr key={w.id}>
                <td>{w.number}</td>
                <th scope="row">
                  <a href={`/admin/services/halls/${hall.id}/windows/${w.id}`}>{w.name}</a>
                </th>
                <td>{kindName(ctx, w.kind)}</td>
                <td>{items}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <a class="button" href={`/admin/services/halls/${hall.id}/windows/new`}>
            {t('serviceHalls.add_window')}
          </a>
        </p>
      </section>
      <section aria-labelledby="hall-h">
        <h2 id="hall-h">{t('serviceHalls.edit_hall')}</h2>
        <HallForm ctx={ctx} form={p.form} action={`/admin/services/halls/${hall.id}`} parents={p.parents} />
        <form method="post" action={`/admin/services/halls/${hall.id}/delete`}>
          <Csrf ctx={ctx} />
          <button class="button danger" type="submit">
            {t('serviceHalls.delete_hall')}
          </button>
        </form>
      </section>
    </Layout>
  );
}

const windowLabels = (ctx: ViewContext) => ({ number: ctx.t('serviceHalls.wf.number'), name: ctx.t('serviceHalls.wf.name'), kind: ctx.t('serviceHalls.wf.kind'), departmentId: ctx.t('serviceHalls.wf.departmentId'), notes: ctx.t('serviceHalls.wf.notes'), sortOrder: ctx.t('serviceHalls.wf.sortOrder') });

/** The window form (add or edit). */
function WindowForm({ ctx, form, action, departments, submit }: { ctx: ViewContext; form: FormState; action: string; departments: Option[]; submit: string }) {
  const l = windowLabels(ctx);
  return (
    <form method="post" action={action} novalidate>
      <Csrf ctx={ctx} />
      <ErrorSummary ctx={ctx} form={form} labels={l} />
      <Field ctx={ctx} form={form} name="number" label={l.number} required maxLength={10} />
      <Field ctx={ctx} form={form} name="name" label={l.name} required maxLength={100} />
      <Select ctx={ctx} form={form} name="kind" label={l.kind} required options={WINDOW_KINDS.map((k) => ({ value: k, label: kindName(ctx, k) }))} />
      <Select ctx={ctx} form={form} name="departmentId" label={l.departmentId} options={departments} />
      <Field ctx={ctx} form={form} name="sortOrder" label={l.sortOrder} type="number" />
      <TextArea ctx={ctx} form={form} name="notes" label={l.notes} rows={2} />
      <button class="button primary" type="submit">
        {submit}
      </button>
    </form>
  );
}

/** Add a window to a hall. */
export function NewWindowPage({ ctx, hall, form, departments }: { ctx: ViewContext; hall: HallRow; form: FormState; departments: Option[] }) {
  const title = ctx.t('serviceHalls.add_window');
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, { href: `/admin/services/halls/${hall.id}`, label: hall.name }, { label: title })}>
      <h1>{`${hall.name}：${title}`}</h1>
      <WindowForm ctx={ctx} form={form} action={`/admin/services/halls/${hall.id}/windows`} departments={departments} submit={title} />
    </Layout>
  );
}

/** Edit one window: its fields, the items it accepts (picker by department) and bulk assignment. */
export function WindowPage(p: { ctx: ViewContext; hall: HallRow; window: WindowRow; form: FormState; departments: Option[]; assigned: PickerItem[]; candidates: PickerItem[]; pickDepartment?: number; itemsError?: string; notice?: string }) {
  const { ctx, hall, window: w } = p;
  const { t } = ctx;
  const base = `/admin/services/halls/${hall.id}/windows/${w.id}`;
  const assignedIds = new Set(p.assigned.map((i) => i.id));
  const shown = [...p.assigned, ...p.candidates.filter((i) => !assignedIds.has(i.id))];
  const title = t('serviceHalls.window_title', { number: w.number, name: w.name });
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, { href: `/admin/services/halls/${hall.id}`, label: hall.name }, { label: title })}>
      <h1>{title}</h1>
      {p.notice && <Notice kind="success">{p.notice}</Notice>}
      <section aria-labelledby="items-h">
        <h2 id="items-h">{t('serviceHalls.window_items', { count: p.assigned.length })}</h2>
        <form class="filters" method="get" action={base}>
          <div class="field">
            <label for="pick">{t('serviceHalls.pick_department')}</label>
            <select id="pick" name="department">
              <option value="">{t('form.choose')}</option>
              {p.departments.map((d) => (
                <option key={d.value} value={d.value} selected={String(p.pickDepartment ?? '') === d.value}>
                  {d.label}
                </option>
              ))}
            </select>
          </div>
          <button class="button" type="submit">
            {t('serviceHalls.show_items')}
          </button>
        </form>
        <form method="post" action={`${base}/items`}>
          <Csrf ctx={ctx} />
          <fieldset class={p.itemsError ? 'field has-error' : 'field'} id="itemIds">
            <legend>{t('serviceHalls.items_legend')}</legend>
            {p.itemsError && <p class="error">{p.itemsError}</p>}
            {shown.length === 0 ? (
              <p class="meta">{t('serviceHalls.window_no_items')}</p>
            ) : (
              <div class="checkbox-grid">
                {shown.map((i) => (
                  <label class="choice" key={i.id}>
                    <input type="checkbox" name="itemIds" value={String(i.id)} checked={assignedIds.has(i.id)} /> {i.name}（{i.code}）
                  </label>
                ))}
              </div>
            )}
          </fieldset>
          <button class="button primary" type="submit">
            {t('serviceHalls.save_items')}
          </button>
        </form>
        <h3>{t('serviceHalls.bulk_assign')}</h3>
        <form method="post" action={`${base}/assign`}>
          <Csrf ctx={ctx} />
          <div class="field">
            <label for="assign-department">{t('serviceHalls.wf.departmentId')}</label>
            <select id="assign-department" name="departmentId" required>
              <option value="">{t('form.choose')}</option>
              {p.departments.map((d) => (
                <option key={d.value} value={d.value}>
                  {d.label}
                </option>
              ))}
            </select>
          </div>
          <button class="button" type="submit">
            {t('serviceHalls.assign_all')}
          </button>
        </form>
      </section>
      <section aria-labelledby="wf-h">
        <h2 id="wf-h">{t('serviceHalls.edit_window')}</h2>
        <WindowForm ctx={ctx} form={p.form} action={base} departments={p.departments} submit={t('form.save')} />
        <form method="post" action={`${base}/delete`}>
          <Csrf ctx={ctx} />
          <button class="button danger" type="submit">
            {t('serviceHalls.delete_window')}
          </button>
        </form>
      </section>
    </Layout>
  );
}

/** Staff list of terminals. */
export function AdminTerminalsPage({ ctx, terminals, notice }: { ctx: ViewContext; terminals: TerminalRow[]; notice?: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('serviceHalls.manage_terminals')} crumbs={crumbs(ctx, { label: t('serviceHalls.manage_terminals') })}>
      <h1>{t('serviceHalls.manage_terminals')}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <p>
        <a class="button primary" href="/admin/services/terminals/new">
          {t('serviceHalls.new_terminal')}
        </a>
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('serviceHalls.tf.code')}</th>
            <th scope="col">{t('serviceHalls.tf.name')}</th>
            <th scope="col">{t('serviceHalls.tf.placeKind')}</th>
            <th scope="col">{t('serviceHalls.tf.address')}</th>
          </tr>
        </thead>
        <tbody>
          {terminals.map((x) => (
            <tr key={x.id}>
              <td>{x.code}</td>
              <th scope="row">
                <a href={`/admin/services/terminals/${x.id}`}>{x.name}</a>
              </th>
              <td>{placeName(ctx, x.placeKind)}</td>
              <td>{x.address}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

/** The terminal form (new or edit); its own item list only counts when "own list" is ticked. */
export function TerminalFormPage({ ctx, form, terminal, halls, items }: { ctx: ViewContext; form: FormState; terminal?: TerminalRow; halls: Option[]; items: PickerItem[] }) {
  const { t } = ctx;
  const l: Record<string, string> = {};
  for (const k of ['code', 'name', 'hallId', 'placeKind', 'street', 'address', 'lat', 'lng', 'hours', 'customItems', 'itemIds', 'active']) {
    l[k] = t(`serviceHalls.tf.${k}` as 'serviceHalls.tf.code');
  }
  const title = terminal ? terminal.name : t('serviceHalls.new_terminal');
  const action = terminal ? `/admin/services/terminals/${terminal.id}` : '/admin/services/terminals/new';
  const picked = new Set([form.values.itemIds ?? []].flat());
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, { href: '/admin/services/terminals', label: t('serviceHalls.manage_terminals') }, { label: title })}>
      <h1>{title}</h1>
      <form method="post" action={action} novalidate>
        <Csrf ctx={ctx} />
        <ErrorSummary ctx={ctx} form={form} labels={l} />
        <Field ctx={ctx} form={form} name="code" label={l.code!} required maxLength={30} />
        <Field ctx={ctx} form={form} name="name" label={l.name!} required maxLength={120} />
        <Select ctx={ctx} form={form} name="placeKind" label={l.placeKind!} required options={PLACE_KINDS.map((k) => ({ value: k, label: placeName(ctx, k) }))} />
        <Select ctx={ctx} form={form} name="hallId" label={l.hallId!} options={halls} />
        <Field ctx={ctx} form={form} name="street" label={l.street!} maxLength={20} />
        <Field ctx={ctx} form={form} name="address" label={l.address!} required maxLength={200} />
        <Field ctx={ctx} form={form} name="lat" label={l.lat!} />
        <Field ctx={ctx} form={form} name="lng" label={l.lng!} />
        <Field ctx={ctx} form={form} name="hours" label={l.hours!} hint={t('serviceHalls.terminal_hours_hint')} maxLength={60} />
        <CheckField ctx={ctx} form={form} name="customItems" label={l.customItems!} />
        <fieldset class="field" id="itemIds">
          <legend>{l.itemIds}</legend>
          {form.errors.itemIds && <p class="error">{t(form.errors.itemIds.key)}</p>}
          <div class="checkbox-grid">
            {items.map((i) => (
              <label class="choice" key={i.id}>
                <input type="checkbox" name="itemIds" value={String(i.id)} checked={picked.has(String(i.id))} /> {i.name}
              </label>
            ))}
          </div>
        </fieldset>
        <CheckField ctx={ctx} form={form} name="active" label={l.active!} />
        <button class="button primary" type="submit">
          {t('form.save')}
        </button>
      </form>
      {terminal && (
        <form method="post" action={`/admin/services/terminals/${terminal.id}/delete`}>
          <Csrf ctx={ctx} />
          <button class="button danger" type="submit">
            {t('serviceHalls.delete_terminal')}
          </button>
        </form>
      )}
    </Layout>
  );
}
