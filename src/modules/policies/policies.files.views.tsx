import type { ViewContext } from '../../views/context.js';
import { Csrf, Notice, type FormState } from '../../views/components.js';
import { INTERPRETATION_REQUIRED_CATEGORIES } from './policies.schema.js';

/** Whether the three versions are ready to go out together (only for categories that need them). */
export function VersionsChecklist({ ctx, missing, category }: { ctx: ViewContext; missing: Array<'summary' | 'graphic'>; category: string }) {
  const { t } = ctx;
  if (!(INTERPRETATION_REQUIRED_CATEGORIES as readonly string[]).includes(category)) {
    return null;
  }
  if (missing.length === 0) {
    return <Notice kind="success">{t('policies.versions_ready')}</Notice>;
  }
  return <Notice kind="warning">{t('policies.versions_missing', { missing: missing.map((m) => t(`policies.version.${m}`)).join('、') })}</Notice>;
}

/** A file input with its label, hint and error (multipart forms cannot use Field's text input). */
function FileInput({ ctx, form, name, label, hint, accept }: { ctx: ViewContext; form: FormState; name: string; label: string; hint?: string; accept?: string }) {
  const err = form.errors[name];
  const describedBy = [hint ? `${name}-hint` : '', err ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={err ? 'field has-error' : 'field'}>
      <label for={name}>{label}</label>
      {hint && (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {err && (
        <p class="error" id={`${name}-error`}>
          <span class="visually-hidden">{ctx.t('form.error_prefix')}</span>
          {ctx.t(err.key, err.params)}
        </p>
      )}
      <input type="file" id={name} name={name} accept={accept} aria-invalid={err ? 'true' : undefined} aria-describedby={describedBy} />
    </div>
  );
}

/** The editor's panel for the uploaded graphic and the attachments. */
export function PolicyFilesPanel({
  ctx,
  form,
  labels,
  policyId,
  canEdit,
  attachments,
  graphic,
}: {
  ctx: ViewContext;
  form: FormState;
  labels: Record<string, string>;
  policyId: number;
  canEdit: boolean;
  attachments: Array<{ id: number; fileId: number; title: string; filename: string; size: number }>;
  graphic: { fileId: number; filename: string; alt: string } | null;
}) {
  const { t } = ctx;
  const csrfQuery = `_csrf=${encodeURIComponent(ctx.csrfToken)}`;
  return (
    <>
      <section aria-labelledby="graphic-upload-h">
        <h2 id="graphic-upload-h">{t('policies.graphic_upload')}</h2>
        {graphic && (
          <p>
            {t('policies.graphic_uploaded')} <a href={`/policies/${policyId}/files/${graphic.fileId}/graphic`}>{graphic.filename}</a>
          </p>
        )}
        {canEdit && graphic && (
          <form method="post" action={`/admin/policies/${policyId}/graphic/delete`} class="inline">
            <Csrf ctx={ctx} />
            <button type="submit" class="button">
              {t('policies.graphic_remove')}
            </button>
          </form>
        )}
        {canEdit && (
          <form method="post" action={`/admin/policies/${policyId}/graphic?${csrfQuery}`} encType="multipart/form-data" class="form" novalidate>
            <p class="hint">{t('policies.graphic_upload_hint')}</p>
            <div class={form.errors.graphicAlt ? 'field has-error' : 'field'}>
              <label for="graphicAlt">{labels.graphicAlt}</label>
              <p class="hint" id="graphicAlt-hint">
                {t('policies.graphic_alt_hint')}
              </p>
              {form.errors.graphicAlt && (
                <p class="error" id="graphicAlt-error">
                  <span class="visually-hidden">{t('form.error_prefix')}</span>
                  {t(form.errors.graphicAlt.key, form.errors.graphicAlt.params)}
                </p>
              )}
              <textarea id="graphicAlt" name="graphicAlt" rows={3} aria-describedby={form.errors.graphicAlt ? 'graphicAlt-hint graphicAlt-error' : 'graphicAlt-hint'}>
                {typeof form.values.graphicAlt === 'string' ? form.values.graphicAlt : (graphic?.alt ?? '')}
              </textarea>
            </div>
            <FileInput ctx={ctx} form={form} name="graphic" label={labels.graphic!} accept="image/png,image/jpeg" />
            <button type="submit" class="button">
              {t('policies.graphic_upload_button')}
            </button>
          </form>
        )}
      </section>
      <section aria-labelledby="attachments-admin-h">
        <h2 id="attachments-admin-h">{t('policies.attachments')}</h2>
        {attachments.length > 0 && (
          <ul>
            {attachments.map((a) => (
              <li key={a.id}>
                <a href={`/policies/${policyId}/files/${a.fileId}/${encodeURIComponent(a.filename)}`}>{a.title}</a> ({a.filename}, {Math.max(1, Math.round(a.size / 1024))} KB)
                {canEdit && (
                  <form method="post" action={`/admin/policies/${policyId}/attachments/${a.id}/delete`} class="inline">
                    <Csrf ctx={ctx} />
                    <button type="submit" class="link-button">
                      {t('form.delete')}
                      <span class="visually-hidden"> {a.title}</span>
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
        {canEdit && (
          <form method="post" action={`/admin/policies/${policyId}/attachments?${csrfQuery}`} encType="multipart/form-data" class="form" novalidate>
            <div class="field">
              <label for="attachmentTitle">{t('policies.attachment_title')}</label>
              <input type="text" id="attachmentTitle" name="attachmentTitle" maxLength={200} value={typeof form.values.attachmentTitle === 'string' ? form.values.attachmentTitle : ''} />
            </div>
            <FileInput ctx={ctx} form={form} name="file" label={labels.file!} hint={t('portal.file_hint')} />
            <button type="submit" class="button">
              {t('policies.attachment_add')}
            </button>
          </form>
        )}
      </section>
    </>
  );
}
