import type { FieldProblem } from '../../http/errors.js';
import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, DateTimeText, ErrorSummary, Field, Notice, TextArea, type FormState } from '../../views/components.js';
import { factDef, type FactDef } from '../enterprises/enterprises.facts.js';
import { describeCondition, formatValue, type ExplainedLeaf } from './navigator.explain.js';
import { hasChoices, leafKindOf, TESTABLE_FACTS, type RuleFields } from './navigator.form.js';
import { ExamplesBlock } from './navigator.editor-examples.js';
import { NUMBER_OPS, type Condition, type LeafCondition } from './navigator.rules.js';
import type { ExampleExpectation, Sample } from './navigator.service.js';

/** What the editor page shows (ruleEditorData's answer). */
export interface RuleEditorData {
  policy: { id: number; title: string };
  versions: Array<{ id: number; version: number; effectiveFrom: string; note: string; createdAt: string; inForce?: boolean }>;
  current: { id: number; version: number; effectiveFrom: string; tree: Condition } | undefined;
  examples: Array<{ id: number; name: string; referenceDate: string; facts: Record<string, { value: unknown } | undefined>; expected: ExampleExpectation; actual: ExampleExpectation; pass: boolean }>;
  stored: { met: number; near: number; unknown: number; referenceDate: string } | undefined;
}

/** A preview's answer (previewRule). */
export interface RulePreview {
  referenceDate: string;
  inForceFrom?: string;
  counts: { met: number; near: number; unknown: number; notMet: number };
  samples: Record<'met' | 'near' | 'unknown', Sample[]>;
  gains: Sample[];
  losses: Sample[];
}

const OP_LABELS: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=', '!=': '≠' };
const fid = (name: string) => name.replace(/\./g, '-');
const factLabel = (ctx: ViewContext, f: FactDef) => (ctx.locale === 'en' ? f.labelEn : f.labelZh);
const str = (v: RuleFields[string]) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const list = (v: RuleFields[string]) => (Array.isArray(v) ? v : v ? [v] : []);

/** The whole rule in words: "同时满足：… 满足其一：…". */
export function PlainRule({ ctx, tree }: { ctx: ViewContext; tree: Condition }) {
  const { t } = ctx;
  const node = (c: Condition): preact.JSX.Element => {
    if (c.kind === 'all' || c.kind === 'any' || c.kind === 'not') {
      const items = c.kind === 'not' ? [c.item] : c.items;
      return (
        <>
          {t(c.kind === 'all' ? 'navigator.editor.all_of' : c.kind === 'any' ? 'navigator.editor.any_of' : 'navigator.editor.none_of')}
          {items.length === 0 ? (
            ` ${t('navigator.editor.empty_group')}`
          ) : (
            <ul>
              {items.map((i) => (
                <li key={i.id}>{node(i)}</li>
              ))}
            </ul>
          )}
        </>
      );
    }
    return <>{describeCondition(c as LeafCondition, ctx.locale)}</>;
  };
  return <div class="rule-plain">{node(tree)}</div>;
}

function NodeError({ ctx, id, errors }: { ctx: ViewContext; id: string; errors: FormState['errors'] }) {
  const p = errors[`node.${id}`];
  return p ? (
    <p class="error" id={`node.${id}-error`}>
      <span class="visually-hidden">{ctx.t('form.error_prefix')}</span>
      {ctx.t(p.key, p.params)}
    </p>
  ) : null;
}

function ActionButton({ action, label }: { action: string; label: string }) {
  return (
    <button type="submit" name="action" value={action} class="button secondary">
      {label}
    </button>
  );
}

/** One labelled control of a node; `name` is the form field, its id derived from it. */
function Control({ label, name, err, children }: { label: string; name: string; err?: string; children: (p: { id: string; describedBy?: string }) => preact.JSX.Element }) {
  return (
    <div class="field">
      <label for={fid(name)}>{label}</label>
      {children({ id: fid(name), describedBy: err })}
    </div>
  );
}

function LeafFields({ ctx, path, values, err }: { ctx: ViewContext; path: string; values: RuleFields; err?: string }) {
  const { t } = ctx;
  const p = `n.${path}`;
  const fact = str(values[`${p}.fact`]);
  const def = TESTABLE_FACTS.find((f) => f.key === fact);
  const kind = def ? leafKindOf(def) : undefined;
  const inv = err ? 'true' : undefined;
  return (
    <>
      <Control label={t('navigator.editor.fact')} name={`${p}.fact`} err={err}>
        {({ id, describedBy }) => (
          <select id={id} name={`${p}.fact`} aria-describedby={describedBy} aria-invalid={inv}>
            {!def && <option value={fact}>{t('form.choose')}</option>}
            {TESTABLE_FACTS.map((f) => (
              <option key={f.key} value={f.key} selected={f.key === fact}>
                {factLabel(ctx, f)}
              </option>
            ))}
          </select>
        )}
      </Control>
      {kind === 'compare' && (
        <div class="rule-inline">
          <Control label={t('navigator.editor.op')} name={`${p}.op`}>
            {({ id }) => (
              <select id={id} name={`${p}.op`}>
                {NUMBER_OPS.map((o) => (
                  <option key={o} value={o} selected={o === str(values[`${p}.op`])}>
                    {OP_LABELS[o]}
                  </option>
                ))}
              </select>
            )}
          </Control>
          <Control label={`${t('navigator.editor.value')}${def!.unitZh ? `（${ctx.locale === 'en' ? def!.unitEn : def!.unitZh}）` : ''}`} name={`${p}.value`} err={err}>
            {({ id, describedBy }) => <input id={id} name={`${p}.value`} value={str(values[`${p}.value`])} inputMode="decimal" aria-describedby={describedBy} aria-invalid={inv} />}
          </Control>
        </div>
      )}
      {kind === 'oneOf' &&
        (hasChoices(def!.key) ? (
          <fieldset class="field">
            <legend>{t('navigator.editor.values')}</legend>
            <div class="checkbox-grid">
              {def!.choices!.map((c) => (
                <label class="choice" key={c}>
                  <input type="checkbox" name={`${p}.values`} value={c} checked={list(values[`${p}.values`]).includes(c)} aria-describedby={err} /> {formatValue(def!.key, c, ctx.locale)}
                </label>
              ))}
            </div>
          </fieldset>
        ) : (
          <Control label={t('navigator.editor.values_typed')} name={`${p}.values`} err={err}>
            {({ id, describedBy }) => <input id={id} name={`${p}.values`} value={list(values[`${p}.values`]).join(' ')} aria-describedby={describedBy} aria-invalid={inv} />}
          </Control>
        ))}
      {kind === 'industry' && (
        <Control label={t('navigator.editor.prefixes')} name={`${p}.prefixes`} err={err}>
          {({ id, describedBy }) => (
            <>
              <p class="hint" id={`${id}-hint`}>
                {t('navigator.editor.prefixes_hint')}
              </p>
              <input id={id} name={`${p}.prefixes`} value={str(values[`${p}.prefixes`])} aria-describedby={[`${id}-hint`, describedBy].filter(Boolean).join(' ')} aria-invalid={inv} />
            </>
          )}
        </Control>
      )}
      {kind === 'tag' && (
        <Control label={t('navigator.editor.tag')} name={`${p}.tag`} err={err}>
          {({ id, describedBy }) => (
            <select id={id} name={`${p}.tag`} aria-describedby={describedBy} aria-invalid={inv}>
              {(factDef('tags').choices ?? []).map((c) => (
                <option key={c} value={c} selected={c === str(values[`${p}.tag`])}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </Control>
      )}
      {kind === 'yearsSince' && (
        <div class="rule-inline">
          <Control label={t('navigator.editor.years_op')} name={`${p}.op`}>
            {({ id }) => (
              <select id={id} name={`${p}.op`}>
                <option value=">=" selected={str(values[`${p}.op`]) !== '<'}>
                  {t('navigator.editor.years_ge')}
                </option>
                <option value="<" selected={str(values[`${p}.op`]) === '<'}>
                  {t('navigator.editor.years_lt')}
                </option>
              </select>
            )}
          </Control>
          <Control label={t('navigator.editor.years')} name={`${p}.years`} err={err}>
            {({ id, describedBy }) => <input id={id} name={`${p}.years`} value={str(values[`${p}.years`])} inputMode="numeric" aria-describedby={describedBy} aria-invalid={inv} />}
          </Control>
        </div>
      )}
    </>
  );
}

/** One node of the rule as a fieldset: a group with its items and add buttons, a not, or a leaf. */
function NodeFieldset({ ctx, node, path, values, errors }: { ctx: ViewContext; node: Condition; path: string; values: RuleFields; errors: FormState['errors'] }) {
  const { t } = ctx;
  const p = `n.${path}`;
  const label = path.split('.').slice(1).map((i) => Number(i) + 1).join('.');
  const err = errors[`node.${node.id}`] ? `node.${node.id}-error` : undefined;
  const isRoot = path === '0';
  const common = (
    <>
      <input type="hidden" name={`${p}.id`} value={node.id} />
      <NodeError ctx={ctx} id={node.id} errors={errors} />
    </>
  );
  if (node.kind === 'all' || node.kind === 'any') {
    return (
      <fieldset class="rule-group" id={`node.${node.id}`} aria-describedby={err}>
        <legend>
          {t('navigator.editor.group')}
          {label && ` ${label}`}
        </legend>
        {common}
        <Control label={t('navigator.editor.group_kind')} name={`${p}.kind`}>
          {({ id }) => (
            <select id={id} name={`${p}.kind`}>
              <option value="all" selected={node.kind === 'all'}>
                {t('navigator.editor.kind.all')}
              </option>
              <option value="any" selected={node.kind === 'any'}>
                {t('navigator.editor.kind.any')}
              </option>
            </select>
          )}
        </Control>
        {node.items.map((c, i) => (
          <NodeFieldset key={c.id} ctx={ctx} node={c} path={`${path}.${i}`} values={values} errors={errors} />
        ))}
        <div class="rule-actions">
          <ActionButton action={`add-leaf:${path}`} label={`${t('navigator.editor.add_leaf')} ${label}`.trim()} />
          <ActionButton action={`add-group:${path}`} label={`${t('navigator.editor.add_group')} ${label}`.trim()} />
          {!isRoot && <ActionButton action={`wrap-not:${path}`} label={`${t('navigator.editor.wrap_not')} ${label}`} />}
          {!isRoot && <ActionButton action={`remove:${path}`} label={`${t('navigator.editor.remove')} ${label}`} />}
        </div>
      </fieldset>
    );
  }
  if (node.kind === 'not') {
    return (
      <fieldset class="rule-not" id={`node.${node.id}`} aria-describedby={err}>
        <legend>
          {t('navigator.editor.not_group')}
          {label && ` ${label}`}
        </legend>
        {common}
        <input type="hidden" name={`${p}.kind`} value="not" />
        <NodeFieldset ctx={ctx} node={node.item} path={`${path}.0`} values={values} errors={errors} />
        <div class="rule-actions">
          <ActionButton action={`wrap-not:${path}`} label={`${t('navigator.editor.unwrap_not')} ${label}`} />
        </div>
      </fieldset>
    );
  }
  return (
    <fieldset class="rule-leaf" id={`node.${node.id}`}>
      <legend>
        {t('navigator.editor.leaf')}
        {label && ` ${label}`}
      </legend>
      {common}
      <input type="hidden" name={`${p}.kind`} value="leaf" />
      <LeafFields ctx={ctx} path={path} values={values} err={err} />
      <div class="rule-actions">
        {!isRoot && <ActionButton action={`wrap-not:${path}`} label={`${t('navigator.editor.wrap_not')} ${label}`} />}
        {!isRoot && <ActionButton action={`remove:${path}`} label={`${t('navigator.editor.remove')} ${label}`} />}
      </div>
    </fieldset>
  );
}

const VERDICT_MARK: Record<string, string> = { met: '✓', not_met: '✗', unknown: '？' };

function SampleList({ ctx, samples }: { ctx: ViewContext; samples: Sample[] }) {
  if (samples.length === 0) {
    return <p>{ctx.t('navigator.editor.no_samples')}</p>;
  }
  return (
    <ul class="rule-samples">
      {samples.map((s) => (
        <li key={s.enterpriseId}>
          <strong>{s.name}</strong> <span class="muted">{s.creditCode}</span> · {ctx.t(`navigator.editor.expect.${s.verdict}`)}
          <ul>
            {s.lines.map((l: ExplainedLeaf) => (
              <li key={l.id} class={`verdict-${l.verdict}`}>
                <span aria-hidden="true">{VERDICT_MARK[l.verdict]}</span> <span class="visually-hidden">{ctx.t(`navigator.verdict.${l.verdict}`)}</span> {l.text}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** The preview after `preview`: counts, samples with each condition explained, gains and losses. */
function PreviewBlock({ ctx, preview }: { ctx: ViewContext; preview: RulePreview }) {
  const { t } = ctx;
  const kinds = ['met', 'near', 'unknown', 'notMet'] as const;
  return (
    <section class="rule-preview" aria-labelledby="preview-title" id="preview">
      <h2 id="preview-title">{t('navigator.editor.preview_title', { date: preview.referenceDate })}</h2>
      <dl class="rule-counts">
        {kinds.map((k) => (
          <div key={k}>
            <dt>{t(`navigator.editor.count.${k}`)}</dt>
            <dd>{preview.counts[k]}</dd>
          </div>
        ))}
      </dl>
      {(['met', 'near', 'unknown'] as const).map((k) => (
        <div key={k}>
          <h3>{t('navigator.editor.samples', { label: t(`navigator.editor.count.${k}`) })}</h3>
          <SampleList ctx={ctx} samples={preview.samples[k]} />
        </div>
      ))}
      <p>{preview.inForceFrom ? t('navigator.editor.changes_intro', { date: preview.inForceFrom }) : t('navigator.editor.no_current')}</p>
      <h3>{t('navigator.editor.gains')}</h3>
      <SampleList ctx={ctx} samples={preview.gains} />
      <h3>{t('navigator.editor.losses')}</h3>
      <SampleList ctx={ctx} samples={preview.losses} />
    </section>
  );
}

/** The rule editor page: the rule in words, the form, versions, the preview and the worked examples. */
export function RuleEditorPage({ ctx, data, tree, form, preview, exampleForm, notice }: { ctx: ViewContext; data: RuleEditorData; tree: Condition; form: FormState; preview?: RulePreview; exampleForm?: FormState; notice?: string }) {
  const { t } = ctx;
  const title = `${t('navigator.editor.title')}：${data.policy.title}`;
  const values = form.values as RuleFields;
  const labels: Record<string, string> = { effectiveFrom: t('navigator.editor.effective_from') };
  // Each node's problem is listed under the number its legend shows (条件 3.2).
  const walk = (c: Condition, path: string) => {
    const n = path.split('.').slice(1).map((i) => Number(i) + 1).join('.');
    labels[`node.${c.id}`] = `${t(c.kind === 'all' || c.kind === 'any' ? 'navigator.editor.group' : c.kind === 'not' ? 'navigator.editor.not_group' : 'navigator.editor.leaf')}${n ? ` ${n}` : ''}`;
    (c.kind === 'all' || c.kind === 'any' ? c.items : c.kind === 'not' ? [c.item] : []).forEach((x, i) => walk(x, `${path}.${i}`));
  };
  walk(tree, '0');
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/admin', label: t('nav.admin') }, { href: `/admin/policies/${data.policy.id}`, label: data.policy.title }, { label: t('navigator.editor.title') }]}>
      <h1>{title}</h1>
      <p>
        <a href={`/admin/policies/${data.policy.id}`}>{t('navigator.editor.back')}</a>
      </p>
      {notice && <Notice kind="success">{notice}</Notice>}
      <p class="rule-version">{data.current ? t('navigator.editor.version', { version: data.current.version, date: data.current.effectiveFrom }) : t('navigator.editor.no_rule')}</p>
      {data.current && <p>{data.stored ? t('navigator.editor.current_counts', data.stored) : t('navigator.editor.not_matched')}</p>}
      <section aria-labelledby="plain-title">
        <h2 id="plain-title">{t('navigator.editor.plain')}</h2>
        <PlainRule ctx={ctx} tree={tree} />
      </section>
      <p>{t('navigator.editor.intro')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="post" action={`/admin/policies/${data.policy.id}/rules`} class="form rule-form" novalidate>
        <Csrf ctx={ctx} />
        <h2>{t('navigator.editor.form')}</h2>
        <NodeFieldset ctx={ctx} node={tree} path="0" values={values} errors={form.errors} />
        <div class="rule-actions">
          <ActionButton action="refresh" label={t('navigator.editor.refresh')} />
        </div>
        <Field ctx={ctx} form={form} name="effectiveFrom" label={t('navigator.editor.effective_from')} type="date" required hint={t('navigator.editor.effective_from_hint')} />
        <TextArea ctx={ctx} form={form} name="note" label={t('navigator.editor.note')} rows={2} />
        <div class="rule-actions">
          <button type="submit" name="action" value="preview" class="button secondary">
            {t('navigator.editor.preview')}
          </button>
          <button type="submit" name="action" value="save" class="button primary">
            {t('navigator.editor.save')}
          </button>
        </div>
      </form>
      {preview && <PreviewBlock ctx={ctx} preview={preview} />}
      <section aria-labelledby="versions-title">
        <h2 id="versions-title">{t('navigator.editor.versions')}</h2>
        {data.versions.length === 0 ? (
          <p>{t('navigator.editor.no_versions')}</p>
        ) : (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('navigator.editor.col_version')}</th>
                <th scope="col">{t('navigator.editor.col_from')}</th>
                <th scope="col">{t('navigator.editor.col_note')}</th>
                <th scope="col">{t('navigator.editor.col_saved')}</th>
              </tr>
            </thead>
            <tbody>
              {data.versions.map((v) => (
                <tr key={v.id}>
                  <td>
                    {v.version}
                    {v.inForce && ` ${t('navigator.editor.in_force')}`}
                  </td>
                  <td>{v.effectiveFrom}</td>
                  <td>{v.note}</td>
                  <td>
                    <DateTimeText iso={v.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <ExamplesBlock ctx={ctx} data={data} form={exampleForm ?? { values: {}, errors: {} }} />
    </Layout>
  );
}

/** Problems keyed by field, as FormState wants them. */
export const byField = (problems: FieldProblem[]): FormState['errors'] => Object.fromEntries(problems.map((p) => [p.field, p]));

