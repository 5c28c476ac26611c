import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, ErrorSummary, Field, Notice, TextArea, type FormState } from '../../views/components.js';
import { toChineseNumeral } from './policies.structure.js';
import { changeNoteLabel, parseAnchors, type DiffSegment } from './policies.compare.js';
import type { CompareArticle, CompareNote, CompareRow, Comparison } from './policies.compare.service.js';
import type { ChangeNoteRow } from './policies.compare.repository.js';

// The old-vs-new page (新旧政策对比) and the staff pages for the editor's numbered notes.

/** 第五条 / Article 5 (第3段 for texts without numbered articles). */
export function articleName(ctx: ViewContext, a: { number: number; anchor: string }): string {
  const numbered = a.anchor.startsWith('tiao-');
  const n = numbered && ctx.locale !== 'en' ? toChineseNumeral(a.number) : String(a.number);
  return ctx.t(numbered ? 'compare.article' : 'compare.paragraph', { n });
}

const noteHeading = (ctx: ViewContext, n: { seq: number; title: string }) => `${changeNoteLabel(n.seq, ctx.locale)}${ctx.locale === 'en' ? ': ' : '：'}${n.title}`;

/** One side of a changed pair: the unchanged words plus this side's deleted or inserted ones, by paragraph. */
function DiffText({ ctx, segments, side }: { ctx: ViewContext; segments: DiffSegment[]; side: 'old' | 'new' }) {
  const own = side === 'old' ? 'delete' : 'insert';
  const paragraphs: Array<Array<{ op: DiffSegment['op']; text: string }>> = [[]];
  for (const s of segments.filter((x) => x.op === 'equal' || x.op === own)) {
    s.text.split('\n').forEach((piece, k) => {
      if (k > 0) {
        paragraphs.push([]);
      }
      if (piece) {
        paragraphs.at(-1)!.push({ op: s.op, text: piece });
      }
    });
  }
  return (
    <>
      {paragraphs
        .filter((p) => p.length > 0)
        .map((p, i) => (
          <p key={i}>
            {p.map((s, k) => {
              if (s.op === 'equal') {
                return s.text;
              }
              // Screen readers do not announce <del>/<ins>; the hidden words do, and strike-through and
              // underline carry the change for readers who cannot tell the colours apart.
              const Tag = s.op === 'delete' ? 'del' : 'ins';
              return (
                <Tag key={k}>
                  <span class="visually-hidden">{ctx.t(s.op === 'delete' ? 'compare.deleted_prefix' : 'compare.inserted_prefix')}</span>
                  {s.text}
                  <span class="visually-hidden">{ctx.t('compare.change_end')}</span>
                </Tag>
              );
            })}
          </p>
        ))}
    </>
  );
}

function PlainText({ text }: { text: string }) {
  return (
    <>
      {text
        .split('\n')
        .filter(Boolean)
        .map((l, i) => (
          <p key={i}>{l}</p>
        ))}
    </>
  );
}

function Side({ ctx, policyId, a, row, side }: { ctx: ViewContext; policyId: number; a: CompareArticle | undefined; row: CompareRow; side: 'old' | 'new' }) {
  const sideName = ctx.t(side === 'old' ? 'compare.old_policy' : 'compare.new_policy');
  if (!a) {
    return (
      <td class={`compare-${side} compare-empty`}>
        <span class="compare-side">{sideName}：</span>
        {ctx.t('compare.no_counterpart')}
      </td>
    );
  }
  return (
    <td class={`compare-${side}`}>
      <p class="compare-no">
        <span class="compare-side">{sideName} </span>
        <a href={`/policies/${policyId}#${a.anchor}`}>{articleName(ctx, a)}</a>
      </p>
      {row.diff ? <DiffText ctx={ctx} segments={row.diff} side={side} /> : <PlainText text={a.text} />}
    </td>
  );
}

function NoteBlock({ ctx, note }: { ctx: ViewContext; note: CompareNote }) {
  return (
    <div class="change-note" id={`change-${note.seq}`}>
      <h3 class="change-note-title">{noteHeading(ctx, note)}</h3>
      <PlainText text={note.body} />
    </div>
  );
}

const rowId = (r: CompareRow) => (r.new ? `new-${r.new.anchor}` : `old-${r.old!.anchor}`);

/** The public comparison page. */
export function ComparePage({ ctx, c }: { ctx: ViewContext; c: Comparison }) {
  const { t } = ctx;
  const { policy: p, old, summary, rows, notes } = c;
  const bySeq = new Map(notes.map((n) => [n.seq, n]));
  const base = `/policies/${p.id}/compare`;
  const title = `${t('compare.title')}${ctx.locale === 'en' ? ': ' : '：'}${p.title}`;
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/policies', label: t('policies.title') }, { href: `/policies/${p.id}`, label: p.title }, { label: t('compare.title') }]}>
      <article class="policy-compare">
        <h1>{t('compare.title')}</h1>
        <p>{t('compare.intro')}</p>
        <dl class="compare-docs">
          {(
            [
              ['new', p],
              ['old', old],
            ] as const
          ).map(([k, d]) => (
            <div key={k}>
              <dt>{t(k === 'new' ? 'compare.new_policy' : 'compare.old_policy')}</dt>
              <dd>
                <a href={`/policies/${d.id}`}>{d.title}</a>
                {d.docNumber && <span class="meta">（{d.docNumber}）</span>}
              </dd>
            </div>
          ))}
        </dl>
        <section aria-labelledby="compare-summary-h" class="compare-summary">
          <h2 id="compare-summary-h">{t('compare.summary_h')}</h2>
          <p>{t('compare.summary.total', { n: summary.total })}</p>
          <ul class="compare-counts">
            {(['changed', 'added', 'removed', 'moved', 'same'] as const).map((k) => (
              <li key={k} class={`compare-count-${k}`}>
                {t(`compare.summary.${k}`, { n: summary[k] })}
              </li>
            ))}
          </ul>
        </section>
        {notes.length > 0 && (
          <section aria-labelledby="compare-notes-h" class="compare-notes">
            <h2 id="compare-notes-h">{t('compare.notes_h')}</h2>
            <ol class="change-note-toc">
              {notes.map((n) => (
                <li key={n.seq}>
                  <a href={`#change-${n.seq}`}>{noteHeading(ctx, n)}</a>
                </li>
              ))}
            </ol>
            {notes.some((n) => n.row === null) && (
              <div class="compare-general-notes">
                {notes
                  .filter((n) => n.row === null)
                  .map((n) => (
                    <NoteBlock key={n.seq} ctx={ctx} note={n} />
                  ))}
              </div>
            )}
          </section>
        )}
        <section aria-labelledby="compare-table-h">
          <h2 id="compare-table-h">{t('compare.table_h')}</h2>
          <nav class="compare-filter" aria-label={t('compare.show')}>
            <ul>
              <li>
                <a href={base} aria-current={c.onlyChanges ? undefined : 'page'}>
                  {t('compare.show_all')}
                </a>
              </li>
              <li>
                <a href={`${base}?only=changes`} aria-current={c.onlyChanges ? 'page' : undefined}>
                  {t('compare.show_changes')}
                </a>
              </li>
            </ul>
          </nav>
          <p class="compare-legend">
            {t('compare.legend')} <del>{t('compare.legend_deleted')}</del> <ins>{t('compare.legend_inserted')}</ins>
          </p>
          {rows.length === 0 ? (
            <p>{t('compare.no_rows')}</p>
          ) : (
            <table class="compare-table">
              <caption class="visually-hidden">{t('compare.table_caption')}</caption>
              <thead>
                <tr>
                  <th scope="col" class="compare-kind">
                    {t('compare.col.kind')}
                  </th>
                  <th scope="col">{t('compare.col.old')}</th>
                  <th scope="col">{t('compare.col.new')}</th>
                  <th scope="col" class="compare-notes-col">
                    {t('compare.col.notes')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={rowId(r)} id={rowId(r)} class={`compare-row compare-row-${r.kind}`}>
                    <th scope="row" class="compare-kind">
                      <span class={`compare-badge compare-badge-${r.kind}`}>{t(`compare.kind.${r.kind}`)}</span>
                      {r.moved && r.kind !== 'moved' && <span class="compare-flag">{t('compare.flag.moved')}</span>}
                      {/* Both numbers are in the cells; the flag matters only where nothing else changed. */}
                      {r.renumbered && r.kind === 'same' && <span class="compare-flag">{t('compare.flag.renumbered')}</span>}
                    </th>
                    <Side ctx={ctx} policyId={old.id} a={r.old} row={r} side="old" />
                    <Side ctx={ctx} policyId={p.id} a={r.new} row={r} side="new" />
                    <td class="compare-note-cell">
                      {r.notes.map((s) => (
                        <NoteBlock key={s} ctx={ctx} note={bySeq.get(s)!} />
                      ))}
                      {r.seeAlso.map((s) => (
                        <p key={s} class="compare-see-also">
                          <a href={`#change-${s}`}>{t('compare.see_also', { label: changeNoteLabel(s, ctx.locale) })}</a>
                        </p>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </article>
    </Layout>
  );
}

type StaffData = {
  policy: { id: number; title: string; status: string; replacesId: number | null };
  old: { id: number; title: string } | undefined;
  notes: ChangeNoteRow[];
  newArticles: Array<{ anchor: string; number: number; text: string }>;
  oldArticles: Array<{ anchor: string; number: number; text: string }>;
  canEdit: boolean;
};

const staffCrumbs = (ctx: ViewContext, p: { id: number; title: string }, last?: string) => [
  { href: '/admin', label: ctx.t('nav.admin') },
  { href: '/admin/policies', label: ctx.t('policies.manage') },
  { href: `/admin/policies/${p.id}`, label: p.title },
  ...(last ? [{ href: `/admin/policies/${p.id}/changes`, label: ctx.t('compare.manage') }, { label: last }] : [{ label: ctx.t('compare.manage') }]),
];

function AnchorChoices({ ctx, form, name, label, articles }: { ctx: ViewContext; form: FormState; name: 'newAnchors' | 'oldAnchors'; label: string; articles: StaffData['newArticles'] }) {
  const raw = form.values[name];
  const chosen = new Set(Array.isArray(raw) ? raw : raw ? parseAnchors(raw) : []);
  const err = form.errors[name];
  return (
    <fieldset id={name} class={err ? 'has-error' : undefined} aria-describedby={[`${name}-hint`, err ? `${name}-error` : ''].filter(Boolean).join(' ')}>
      <legend>{label}</legend>
      <p class="hint" id={`${name}-hint`}>
        {ctx.t('compare.field.anchors_hint')}
      </p>
      {err && (
        <p class="error" id={`${name}-error`}>
          <span class="visually-hidden">{ctx.t('form.error_prefix')}</span>
          {ctx.t(err.key, err.params)}
        </p>
      )}
      <div class="anchor-choices">
        {articles.map((a) => (
          <label class="choice" key={a.anchor} for={`${name}-${a.anchor}`}>
            <input type="checkbox" id={`${name}-${a.anchor}`} name={name} value={a.anchor} checked={chosen.has(a.anchor)} />
            <span>
              <strong>{articleName(ctx, a)}</strong> {a.text.length > 28 ? `${a.text.slice(0, 28)}…` : a.text}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function NoteForm({ ctx, d, form, action }: { ctx: ViewContext; d: StaffData; form: FormState; action: string }) {
  const labels = { title: ctx.t('compare.field.title'), body: ctx.t('compare.field.body'), newAnchors: ctx.t('compare.field.new_anchors'), oldAnchors: ctx.t('compare.field.old_anchors') };
  return (
    <form method="post" action={action} class="form" noValidate>
      <Csrf ctx={ctx} />
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Field ctx={ctx} form={form} name="title" label={labels.title} hint={ctx.t('compare.field.title_hint')} required maxLength={60} />
      <TextArea ctx={ctx} form={form} name="body" label={labels.body} required rows={5} />
      <AnchorChoices ctx={ctx} form={form} name="newAnchors" label={labels.newAnchors} articles={d.newArticles} />
      <AnchorChoices ctx={ctx} form={form} name="oldAnchors" label={labels.oldAnchors} articles={d.oldArticles} />
      <button type="submit" class="button primary">
        {ctx.t('compare.save')}
      </button>
    </form>
  );
}

function explained(ctx: ViewContext, d: StaffData, n: ChangeNoteRow): string {
  const names = (anchors: string, arts: StaffData['newArticles']) => parseAnchors(anchors).map((a) => articleName(ctx, arts.find((x) => x.anchor === a) ?? { anchor: a, number: Number(a.split('-')[1]) }));
  const parts = [
    ...(n.newAnchors ? [`${ctx.t('compare.new_policy')} ${names(n.newAnchors, d.newArticles).join('、')}`] : []),
    ...(n.oldAnchors ? [`${ctx.t('compare.old_policy')} ${names(n.oldAnchors, d.oldArticles).join('、')}`] : []),
  ];
  return parts.length ? parts.join('；') : ctx.t('compare.notes_general');
}

/** Staff page: the notes of one policy, with reorder, delete and an add form. */
export function ChangeNotesPage({ ctx, d, form, notice }: { ctx: ViewContext; d: StaffData; form: FormState; notice?: string }) {
  const { t } = ctx;
  const p = d.policy;
  return (
    <Layout ctx={ctx} title={`${t('compare.manage')} · ${p.title}`} crumbs={staffCrumbs(ctx, p)}>
      <h1>{t('compare.manage')}</h1>
      <p>
        <a href={`/admin/policies/${p.id}`}>{p.title}</a>
        {d.old && (
          <>
            {' · '}
            {t('compare.old_policy')}：<a href={`/policies/${d.old.id}`}>{d.old.title}</a>
          </>
        )}
      </p>
      {notice && <Notice kind="success">{notice}</Notice>}
      {p.replacesId === null ? (
        <Notice kind="warning">{t('compare.no_predecessor')}</Notice>
      ) : (
        <>
          <p>{t('compare.manage_intro')}</p>
          {p.status === 'published' && (
            <p>
              <a href={`/policies/${p.id}/compare`}>{t('compare.view_public')}</a>
            </p>
          )}
          {d.notes.length === 0 ? (
            <p>{t('compare.notes_none')}</p>
          ) : (
            <ol class="change-note-list">
              {d.notes.map((n, i) => {
                const label = changeNoteLabel(n.seq, ctx.locale);
                return (
                  <li key={n.id} id={`note-${n.id}`}>
                    <h2>{noteHeading(ctx, n)}</h2>
                    <PlainText text={n.body} />
                    <p class="meta">
                      {t('compare.explains')}：{explained(ctx, d, n)}
                    </p>
                    {d.canEdit && (
                      <div class="actions">
                        <a class="button" href={`/admin/policies/${p.id}/changes/${n.id}`}>
                          {t('compare.edit')}
                          <span class="visually-hidden"> {label}</span>
                        </a>
                        {(['up', 'down'] as const)
                          .filter((dir) => (dir === 'up' ? i > 0 : i < d.notes.length - 1))
                          .map((dir) => (
                            <form key={dir} method="post" action={`/admin/policies/${p.id}/changes/${n.id}/move`}>
                              <Csrf ctx={ctx} />
                              <button type="submit" class="button" name="direction" value={dir}>
                                {t(dir === 'up' ? 'compare.move_up' : 'compare.move_down')}
                                <span class="visually-hidden"> {label}</span>
                              </button>
                            </form>
                          ))}
                        <form method="post" action={`/admin/policies/${p.id}/changes/${n.id}/delete`}>
                          <Csrf ctx={ctx} />
                          <button type="submit" class="button danger">
                            {t('compare.delete')}
                            <span class="visually-hidden"> {label}</span>
                          </button>
                        </form>
                      </div>
                    )}
                  </li>
                );
              })}
            </ol>
          )}
          {d.canEdit && (
            <section aria-labelledby="add-note-h">
              <h2 id="add-note-h">{t('compare.add')}</h2>
              <NoteForm ctx={ctx} d={d} form={form} action={`/admin/policies/${p.id}/changes`} />
            </section>
          )}
        </>
      )}
      <p>
        <a href={`/admin/policies/${p.id}`}>{t('compare.back_to_policy')}</a>
      </p>
    </Layout>
  );
}

/** Staff page: one note's edit form. */
export function ChangeNoteEditPage({ ctx, d, note, form }: { ctx: ViewContext; d: StaffData; note: ChangeNoteRow; form: FormState }) {
  const title = ctx.t('compare.edit_title', { label: changeNoteLabel(note.seq, ctx.locale) });
  return (
    <Layout ctx={ctx} title={title} crumbs={staffCrumbs(ctx, d.policy, title)}>
      <h1>{title}</h1>
      <NoteForm ctx={ctx} d={d} form={form} action={`/admin/policies/${d.policy.id}/changes/${note.id}`} />
    </Layout>
  );
}
