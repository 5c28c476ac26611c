import type { ViewContext } from '../../views/context.js';
import { Checkboxes, Csrf, ErrorSummary, Field, Select, TextArea, type FormState } from '../../views/components.js';
import { Layout } from '../../views/layout.js';
import { CHANNELS, EVENT_KINDS, ITEM_PHASES } from './expropriation.directory.js';
import { enumLabel } from './expropriation.components.js';
import type { ItemRow, ProjectRow } from './expropriation.repository.js';

// Staff edit forms: a project's own fields and one directory row (new or existing).

const crumbs = (ctx: ViewContext, project: ProjectRow, label: string) => [
  { href: '/admin', label: ctx.t('nav.admin') },
  { href: '/admin/expropriation', label: ctx.t('expropriation.manage') },
  { href: `/admin/expropriation/projects/${project.id}`, label: project.name },
  { label },
];
const options = (ctx: ViewContext, group: string, values: readonly string[]) => values.map((v) => ({ value: v, label: enumLabel(ctx, group, v) }));
const f = (ctx: ViewContext, name: string) => ctx.t(`expropriation.field.${name}` as Parameters<ViewContext['t']>[0]);

/** The edit form of a project's own fields. */
export function ProjectEditPage({ ctx, project, form }: { ctx: ViewContext; project: ProjectRow; form: FormState }) {
  const { t } = ctx;
  const names = ['name', 'decisionNumber', 'summary', 'centreLat', 'centreLng', 'radiusM', 'valuerDays', 'commentOpensOn', 'commentClosesOn'];
  const labels = Object.fromEntries(names.map((k) => [k, f(ctx, k)]));
  return (
    <Layout ctx={ctx} title={t('expropriation.edit_project')} crumbs={crumbs(ctx, project, t('expropriation.edit_project'))}>
      <h1>{t('expropriation.edit_project')}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="post" action={`/admin/expropriation/projects/${project.id}/edit`} class="form" novalidate>
        <Csrf ctx={ctx} />
        <Field ctx={ctx} form={form} name="name" label={labels.name!} required maxLength={200} />
        <Field ctx={ctx} form={form} name="decisionNumber" label={labels.decisionNumber!} maxLength={100} />
        <TextArea ctx={ctx} form={form} name="summary" label={labels.summary!} rows={4} />
        <Field ctx={ctx} form={form} name="centreLat" label={labels.centreLat!} />
        <Field ctx={ctx} form={form} name="centreLng" label={labels.centreLng!} />
        <Field ctx={ctx} form={form} name="radiusM" label={labels.radiusM!} type="number" />
        <Field ctx={ctx} form={form} name="valuerDays" label={labels.valuerDays!} type="number" required />
        <Field ctx={ctx} form={form} name="commentOpensOn" label={labels.commentOpensOn!} type="date" />
        <Field ctx={ctx} form={form} name="commentClosesOn" label={labels.commentClosesOn!} type="date" hint={t('expropriation.comment_hint')} />
        <button type="submit" class="button">{t('expropriation.save_project')}</button>
      </form>
    </Layout>
  );
}

/** The form of a directory row: every STANDARDS §2 field; a new row when `item` is absent. */
export function ItemEditPage({ ctx, project, item, form }: { ctx: ViewContext; project: ProjectRow; item?: ItemRow; form: FormState }) {
  const { t } = ctx;
  const title = item ? t('expropriation.edit_item_title', { seq: item.seq }) : t('expropriation.add_item');
  const names = ['level1', 'level2', 'content', 'basis', 'timeLimit', 'responsible', 'channelsRequired', 'channelsOptional', 'audience', 'mode', 'level', 'triggerEvent'];
  const labels: Record<string, string> = { ...Object.fromEntries(names.map((k) => [k, f(ctx, k)])), phase: f(ctx, 'itemPhase') };
  const base = `/admin/expropriation/projects/${project.id}/items`;
  const channels = CHANNELS.map((c) => ({ value: c, label: enumLabel(ctx, 'channel', c) }));
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, project, title)}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="post" action={item ? `${base}/${item.seq}/edit` : base} class="form" novalidate>
        <Csrf ctx={ctx} />
        <Select ctx={ctx} form={form} name="phase" label={labels.phase!} required options={options(ctx, 'phase', ITEM_PHASES)} />
        <Field ctx={ctx} form={form} name="level1" label={labels.level1!} required maxLength={50} />
        <Field ctx={ctx} form={form} name="level2" label={labels.level2!} required maxLength={100} />
        <TextArea ctx={ctx} form={form} name="content" label={labels.content!} required rows={3} />
        <Field ctx={ctx} form={form} name="basis" label={labels.basis!} required maxLength={500} />
        <Field ctx={ctx} form={form} name="timeLimit" label={labels.timeLimit!} required maxLength={200} />
        <Field ctx={ctx} form={form} name="responsible" label={labels.responsible!} required maxLength={100} />
        <Checkboxes ctx={ctx} form={form} name="channelsRequired" legend={labels.channelsRequired!} options={channels} />
        <Checkboxes ctx={ctx} form={form} name="channelsOptional" legend={labels.channelsOptional!} options={channels} />
        <Select ctx={ctx} form={form} name="audience" label={labels.audience!} options={options(ctx, 'audience', ['public', 'households'])} />
        <Select ctx={ctx} form={form} name="mode" label={labels.mode!} options={options(ctx, 'mode', ['proactive', 'on_request'])} />
        <Select ctx={ctx} form={form} name="level" label={labels.level!} options={options(ctx, 'level', ['county', 'township'])} />
        <Select ctx={ctx} form={form} name="triggerEvent" label={labels.triggerEvent!} options={options(ctx, 'event', EVENT_KINDS)} hint={t('expropriation.trigger_hint')} />
        <button type="submit" class="button">{t('expropriation.save_item')}</button>
      </form>
      {item && item.publishedOn === null && (
        <form method="post" action={`${base}/${item.seq}/delete`} class="form">
          <Csrf ctx={ctx} />
          <p class="hint">{t('expropriation.remove_hint')}</p>
          <button type="submit" class="button">{t('expropriation.remove_item')}</button>
        </form>
      )}
    </Layout>
  );
}
