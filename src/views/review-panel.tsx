import type { ComponentChildren } from 'preact';
import type { ViewContext } from './context.js';
import { Csrf, Select, TextArea, type FormState } from './components.js';

/** One button of the review panel: the action's path segment, its label and its weight. */
export interface ReviewButton {
  action: string;
  label: string;
  kind?: 'primary' | 'danger';
}

/**
 * The review workflow panel shared by everything that goes draft → review → published: a button per
 * allowed action, the send-back form with its required note, and any extra forms of the caller.
 */
export function ReviewPanel({
  ctx,
  base,
  form,
  buttons,
  canReject,
  children,
}: {
  ctx: ViewContext;
  /** The record's admin path, e.g. /admin/articles/12. */
  base: string;
  form: FormState;
  buttons: ReviewButton[];
  canReject: boolean;
  children?: ComponentChildren;
}) {
  const { t } = ctx;
  const nothing = buttons.length === 0 && !canReject && !children;
  return (
    <section aria-labelledby="wf-h">
      <h2 id="wf-h">{t('portal.workflow')}</h2>
      <div class="actions">
        {buttons.map((b) => (
          <form method="post" action={`${base}/${b.action}`} key={b.action}>
            <Csrf ctx={ctx} />
            <button type="submit" class={`button ${b.kind ?? 'primary'}`}>
              {b.label}
            </button>
          </form>
        ))}
      </div>
      {canReject && (
        <form method="post" action={`${base}/reject`} class="form" novalidate>
          <Csrf ctx={ctx} />
          <TextArea ctx={ctx} form={form} name="note" label={t('portal.review_note')} rows={3} required />
          <button type="submit" class="button">
            {t('portal.reject')}
          </button>
        </form>
      )}
      {children}
      {nothing && <p class="meta">{t('portal.no_actions')}</p>}
    </section>
  );
}

/** The status filter above a staff list of reviewed records (a GET form, so it works without JS). */
export function StatusFilter({ ctx, action, status, statuses }: { ctx: ViewContext; action: string; status: string | undefined; statuses: readonly string[] }) {
  return (
    <form method="get" action={action} class="filters">
      <Select ctx={ctx} form={{ values: { status }, errors: {} }} name="status" label={ctx.t('portal.status')} options={statuses.map((s) => ({ value: s, label: ctx.t(`portal.status.${s}` as 'portal.status.draft') }))} />
      <button class="button" type="submit">
        {ctx.t('form.filter')}
      </button>
    </form>
  );
}
