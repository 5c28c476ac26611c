import type { ViewContext } from '../../views/context.js';
import type { FormState } from '../../views/components.js';
import type { MessageKey } from '../../platform/i18n/index.js';

/** A form's label key. */
export const formLabel = (ctx: ViewContext, form: string) => ctx.t(`interpretations.form.${form}` as MessageKey);

/** A status label of this module's workflow (it has `approved`, which articles do not). */
export function InterpretationStatus({ ctx, status }: { ctx: ViewContext; status: string }) {
  return <span class={`status-badge status-${status}`}>{ctx.t(`interpretations.status.${status}` as MessageKey)}</span>;
}

/**
 * A group of radio buttons in a fieldset: the legend names the question, the error sits under it and
 * is tied to every option; the first option carries the field's id so the error summary can link to it.
 */
export function RadioGroup({ ctx, form, name, legend, options, required }: { ctx: ViewContext; form: FormState; name: string; legend: string; options: Array<{ value: string; label: string }>; required?: boolean }) {
  const p = form.errors[name];
  const err = p ? ctx.t(p.key, p.params) : undefined;
  const raw = form.values[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return (
    <fieldset class={err ? 'field has-error' : 'field'}>
      <legend>
        {legend}
        {required && <span class="req"> ({ctx.t('form.required')})</span>}
      </legend>
      {err && (
        <p class="error" id={`${name}-error`}>
          <span class="visually-hidden">{ctx.t('form.error_prefix')}</span>
          {err}
        </p>
      )}
      <div>
        {options.map((o, i) => (
          <label class="choice" key={o.value}>
            <input type="radio" id={i === 0 ? name : `${name}-${o.value || 'none'}`} name={name} value={o.value} checked={(value ?? '') === o.value} aria-describedby={err ? `${name}-error` : undefined} /> {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
