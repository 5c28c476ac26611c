import type { ComponentChildren } from 'preact';
import type { FieldProblem } from '../http/errors.js';
import type { ViewContext } from './context.js';
import type { MessageKey } from '../platform/i18n/index.js';
import { toChinaDate, toChinaDateTime } from '../platform/clock.js';

/** What a form page needs to re-show: the values typed and the problems found, per field. */
export interface FormState {
  values: Record<string, string | string[] | undefined>;
  errors: Record<string, FieldProblem>;
}

/** An empty form state, for the first showing of a form. */
export const emptyForm = (values: FormState['values'] = {}): FormState => ({ values, errors: {} });

function valueOf(form: FormState, name: string): string {
  const v = form.values[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

interface FieldProps {
  ctx: ViewContext;
  form: FormState;
  name: string;
  label: string;
  type?: string;
  required?: boolean;
  hint?: string;
  autoComplete?: string;
  maxLength?: number;
}

function errorText(ctx: ViewContext, p: FieldProblem | undefined): string | undefined {
  return p ? ctx.t(p.key, p.params) : undefined;
}

/** A labelled input; its error sits beside it and is tied to it for screen readers. */
export function Field({ ctx, form, name, label, type = 'text', required, hint, autoComplete, maxLength }: FieldProps) {
  const err = errorText(ctx, form.errors[name]);
  const describedBy = [hint ? `${name}-hint` : '', err ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={err ? 'field has-error' : 'field'}>
      <label for={name}>
        {label}
        {required && <span class="req"> ({ctx.t('form.required')})</span>}
      </label>
      {hint && (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {err && (
        <p class="error" id={`${name}-error`}>
          <span class="visually-hidden">{ctx.t('form.error_prefix')}</span>
          {err}
        </p>
      )}
      <input
        id={name}
        name={name}
        type={type}
        value={type === 'password' ? '' : valueOf(form, name)}
        required={required}
        aria-invalid={err ? 'true' : undefined}
        aria-describedby={describedBy}
        autoComplete={autoComplete}
        maxLength={maxLength}
      />
    </div>
  );
}

/** A labelled multi-line input. */
export function TextArea({ ctx, form, name, label, required, hint, rows = 6 }: FieldProps & { rows?: number }) {
  const err = errorText(ctx, form.errors[name]);
  const describedBy = [hint ? `${name}-hint` : '', err ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={err ? 'field has-error' : 'field'}>
      <label for={name}>
        {label}
        {required && <span class="req"> ({ctx.t('form.required')})</span>}
      </label>
      {hint && (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {err && (
        <p class="error" id={`${name}-error`}>
          <span class="visually-hidden">{ctx.t('form.error_prefix')}</span>
          {err}
        </p>
      )}
      <textarea id={name} name={name} rows={rows} required={required} aria-invalid={err ? 'true' : undefined} aria-describedby={describedBy}>
        {valueOf(form, name)}
      </textarea>
    </div>
  );
}

/** A labelled select. */
export function Select({
  ctx,
  form,
  name,
  label,
  options,
  required,
  multiple,
  hint,
}: {
  ctx: ViewContext;
  form: FormState;
  name: string;
  label: string;
  options: Array<{ value: string; label: string }>;
  required?: boolean;
  multiple?: boolean;
  hint?: string;
}) {
  const err = errorText(ctx, form.errors[name]);
  const describedBy = [hint ? `${name}-hint` : '', err ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  const raw = form.values[name];
  const selected = new Set(Array.isArray(raw) ? raw : raw !== undefined ? [raw] : []);
  return (
    <div class={err ? 'field has-error' : 'field'}>
      <label for={name}>
        {label}
        {required && <span class="req"> ({ctx.t('form.required')})</span>}
      </label>
      {hint && (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {err && (
        <p class="error" id={`${name}-error`}>
          <span class="visually-hidden">{ctx.t('form.error_prefix')}</span>
          {err}
        </p>
      )}
      <select
        id={name}
        name={name}
        required={required}
        multiple={multiple}
        aria-invalid={err ? 'true' : undefined}
        aria-describedby={describedBy}
      >
        {!multiple && <option value="">{ctx.t('form.choose')}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={selected.has(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The list of problems at the top of a form, each linking to its field. */
export function ErrorSummary({ ctx, form, labels }: { ctx: ViewContext; form: FormState; labels: Record<string, string> }) {
  const problems = Object.values(form.errors);
  if (problems.length === 0) {
    return null;
  }
  return (
    <div class="error-summary" role="alert" tabIndex={-1} id="error-summary">
      <h2>{ctx.t('form.error_summary')}</h2>
      <ul>
        {problems.map((p) => (
          <li key={p.field}>
            <a href={`#${p.field}`}>
              {labels[p.field] ?? p.field}: {ctx.t(p.key, p.params)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The hidden CSRF field every form carries. */
export function Csrf({ ctx }: { ctx: ViewContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

/** A status message shown after an action (role=status so screen readers announce it). */
export function Notice({ children, kind = 'info' }: { children: ComponentChildren; kind?: 'info' | 'success' | 'warning' }) {
  return (
    <div class={`notice notice-${kind}`} role="status">
      {children}
    </div>
  );
}

/** Previous/next page links that keep the other query parameters. */
export function Pagination({ ctx, page, pageCount, hrefFor }: { ctx: ViewContext; page: number; pageCount: number; hrefFor: (p: number) => string }) {
  if (pageCount <= 1) {
    return null;
  }
  return (
    <nav class="pagination" aria-label={ctx.t('layout.pagination')}>
      {page > 1 && (
        <a href={hrefFor(page - 1)} rel="prev">
          {ctx.t('layout.prev_page')}
        </a>
      )}
      <span>{ctx.t('layout.page_of', { page, count: pageCount })}</span>
      {page < pageCount && (
        <a href={hrefFor(page + 1)} rel="next">
          {ctx.t('layout.next_page')}
        </a>
      )}
    </nav>
  );
}

/** An instant (ISO string) shown as its Beijing calendar day, inside <time>. */
export function DateText({ iso }: { iso: string | null | undefined }) {
  if (!iso) {
    return <span>-</span>;
  }
  return <time dateTime={iso}>{toChinaDate(iso)}</time>;
}

/** An instant shown as Beijing date and time, inside <time>. */
export function DateTimeText({ iso }: { iso: string | null | undefined }) {
  if (!iso) {
    return <span>-</span>;
  }
  return <time dateTime={iso}>{toChinaDateTime(iso)}</time>;
}

/** Looks up a label key, for enum values shown to people. */
export function label(ctx: ViewContext, key: string): string {
  return ctx.t(key as MessageKey);
}

/** A group of checkboxes in a fieldset (a multi-choice that works without JavaScript and reads well aloud). */
export function Checkboxes({ ctx, form, name, legend, options, required, hint }: { ctx: ViewContext; form: FormState; name: string; legend: string; options: Array<{ value: string; label: string }>; required?: boolean; hint?: string }) {
  const err = errorText(ctx, form.errors[name]);
  const raw = form.values[name];
  const selected = new Set(Array.isArray(raw) ? raw : raw !== undefined && raw !== '' ? raw.split(/[,\s]+/) : []);
  const describedBy = [hint ? `${name}-hint` : '', err ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class={err ? 'field has-error' : 'field'} id={name} aria-describedby={describedBy}>
      <legend>
        {legend}
        {required && <span class="req"> ({ctx.t('form.required')})</span>}
      </legend>
      {hint && (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {err && (
        <p class="error" id={`${name}-error`}>
          <span class="visually-hidden">{ctx.t('form.error_prefix')}</span>
          {err}
        </p>
      )}
      <div class="checkbox-grid">
        {options.map((o) => (
          <label class="choice" key={o.value}>
            <input type="checkbox" name={name} value={o.value} checked={selected.has(o.value)} /> {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
