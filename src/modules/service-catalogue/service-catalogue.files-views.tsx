import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Notice, type FormState } from '../../views/components.js';
import type { MaterialRow } from './service-catalogue.repository.js';
import { adminCrumbs } from './service-catalogue.admin-views.js';
import { fileHref } from './service-catalogue.item-views.js';
import type { ImportProblem } from './service-catalogue.import.js';

// Multipart pages: sample/blank-form uploads of an item, and the catalogue import with its report.

function FileInput({ ctx, form, name, label }: { ctx: ViewContext; form: FormState; name: string; label: string }) {
  const err = form.errors[name];
  return (
    <div class={err ? 'field has-error' : 'field'}>
      <label for={name}>{label}</label>
      {err && (
        <p class="error" id={`${name}-error`}>
          <span class="visually-hidden">{ctx.t('form.error_prefix')}</span>
          {ctx.t(err.key, err.params)}
        </p>
      )}
      <input type="file" id={name} name="file" aria-invalid={err ? 'true' : undefined} aria-describedby={err ? `${name}-error` : undefined} />
    </div>
  );
}

/** Upload forms for each material's sample and blank form, and the result sample. */
export function ItemFilesPage({ ctx, item, materials, form, target, notice }: { ctx: ViewContext; item: { id: number; name: string; resultSampleFileId: number | null }; materials: MaterialRow[]; form: FormState; target?: string; notice?: string }) {
  const { t } = ctx;
  const csrf = `_csrf=${encodeURIComponent(ctx.csrfToken)}`;
  const upload = (slot: string, title: string) => {
    const f = target === slot ? form : { values: {}, errors: {} };
    return (
      <form method="post" action={`/admin/services/${item.id}/files/${slot}?${csrf}`} encType="multipart/form-data" class="form" novalidate>
        <FileInput ctx={ctx} form={f} name={`file-${slot}`} label={title} />
        <button type="submit" class="button">
          {t('serviceCatalogue.upload')}
        </button>
      </form>
    );
  };
  return (
    <Layout ctx={ctx} title={t('serviceCatalogue.files')} crumbs={adminCrumbs(ctx, { href: `/admin/services/${item.id}`, label: item.name }, { label: t('serviceCatalogue.files') })}>
      <h1>{`${item.name}：${t('serviceCatalogue.files')}`}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <p>{t('serviceCatalogue.files_intro')}</p>
      {materials.map((m) => (
        <section key={m.id} aria-labelledby={`m-${m.id}`}>
          <h2 id={`m-${m.id}`}>{m.name}</h2>
          <p>
            {m.sampleFileId !== null && <a href={fileHref(m.sampleFileId, `${m.name}-sample`)}>{t('serviceCatalogue.sample')}</a>} {m.blankFormFileId !== null && <a href={fileHref(m.blankFormFileId, `${m.name}-form`)}>{t('serviceCatalogue.blank_form')}</a>}
          </p>
          <div class="columns-2">
            {upload(`m${m.id}-sample`, `${m.name}：${t('serviceCatalogue.sample')}`)}
            {upload(`m${m.id}-blank`, `${m.name}：${t('serviceCatalogue.blank_form')}`)}
          </div>
        </section>
      ))}
      <section aria-labelledby="result-sample">
        <h2 id="result-sample">{t('serviceCatalogue.result_sample')}</h2>
        {item.resultSampleFileId !== null && (
          <p>
            <a href={fileHref(item.resultSampleFileId, 'result-sample')}>{t('serviceCatalogue.sample')}</a>
          </p>
        )}
        {upload('result', t('serviceCatalogue.result_sample'))}
      </section>
    </Layout>
  );
}

/** The import form, and after a refused file its report row by row. */
export function ImportPage({ ctx, problems, fileError, done }: { ctx: ViewContext; problems?: ImportProblem[]; fileError?: string; done?: { created: number; updated: number } }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('serviceCatalogue.import')} crumbs={adminCrumbs(ctx, { label: t('serviceCatalogue.import') })}>
      <h1>{t('serviceCatalogue.import')}</h1>
      {done && <Notice kind="success">{t('serviceCatalogue.done.imported', done)}</Notice>}
      <p>{t('serviceCatalogue.import_intro')}</p>
      {problems && problems.length > 0 && (
        <section class="error-summary" role="alert" aria-labelledby="report-h" tabIndex={-1} id="import-report">
          <h2 id="report-h">{t('serviceCatalogue.import_failed', { count: problems.length })}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('serviceCatalogue.report_row')}</th>
                <th scope="col">{t('serviceCatalogue.report_field')}</th>
                <th scope="col">{t('serviceCatalogue.report_reason')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p, i) => (
                <tr key={i}>
                  <td>{p.row}</td>
                  <td>{p.column}</td>
                  <td>{t(p.key, p.params)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <form method="post" action={`/admin/services/import?_csrf=${encodeURIComponent(ctx.csrfToken)}`} encType="multipart/form-data" class="form" novalidate>
        <div class={fileError ? 'field has-error' : 'field'}>
          <label for="file">{t('serviceCatalogue.field.file')}</label>
          {fileError && (
            <p class="error" id="file-error">
              <span class="visually-hidden">{t('form.error_prefix')}</span>
              {fileError}
            </p>
          )}
          <input type="file" id="file" name="file" accept=".csv,.xlsx" aria-invalid={fileError ? 'true' : undefined} aria-describedby={fileError ? 'file-error' : undefined} />
        </div>
        <button type="submit" class="button primary">
          {t('serviceCatalogue.import_button')}
        </button>
      </form>
    </Layout>
  );
}
