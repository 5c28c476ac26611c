import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, ErrorSummary, Field, Notice, Select, TextArea, label } from '../../views/components.js';
import type { roundForStaff } from './consultations.staff.js';
import type { EventRow } from './consultations.repository.js';
import { EVENT_KINDS } from './consultations.schema.js';
import { checkPeriod, type DraftKind } from './consultations.rules.js';
import { DoneNotice, PeriodFields, formFor, type ActionError } from './consultations.admin-views.js';
import { Paragraphs, Period, StateBadge, articleLabel, kindLabel } from './consultations.parts.js';

type RoundData = Awaited<ReturnType<typeof roundForStaff>>;

const roundTitle = (ctx: ViewContext, d: RoundData) => `${d.draft.title} · ${ctx.t('consultations.round_no', { n: d.round.seq })}`;
const crumbs = (ctx: ViewContext, d: RoundData) => [
  { href: '/admin', label: ctx.t('nav.admin') },
  { href: '/admin/consultations', label: ctx.t('consultations.manage') },
  { href: `/admin/consultations/${d.draft.id}`, label: d.draft.title },
];

/** A post button carrying fixed fields (no visible inputs, so nothing needs a label). */
function PostButton({ ctx, action, fields, text }: { ctx: ViewContext; action: string; fields: Record<string, string>; text: string }) {
  return (
    <form method="post" action={action} class="inline">
      <Csrf ctx={ctx} />
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" class="link-button">
        {text}
      </button>
    </form>
  );
}

function ArticleRows({ ctx, d }: { ctx: ViewContext; d: RoundData }) {
  const { t } = ctx;
  const base = `/admin/consultations/rounds/${d.round.id}`;
  return (
    <ol class="consult-admin-articles">
      {d.articles.map((a) => (
        <li key={a.number} id={`a${a.number}`}>
          <h3>
            {articleLabel(ctx, a.number)} {a.heading}
            {a.former.length > 0 && <span class="meta"> （{t('consultations.former', { n: a.former.join('、') })}）</span>}
          </h3>
          {a.chapter && <p class="meta">{a.chapter}</p>}
          <Paragraphs text={a.body} />
          {d.editable && (
            <div class="actions">
              <a href={`${base}/articles/${a.number}`}>{t('consultations.article.edit', { n: a.number })}</a>
              <PostButton ctx={ctx} action={`${base}/articles/op`} fields={{ op: 'delete', number: String(a.number) }} text={t('consultations.article.delete', { n: a.number })} />
              {a.number < d.articles.length && <PostButton ctx={ctx} action={`${base}/articles/op`} fields={{ op: 'merge', number: String(a.number) }} text={t('consultations.article.merge', { n: a.number, m: a.number + 1 })} />}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Staff: one round — period, articles (editable before it opens), events, queue counts and links. */
export function StaffRoundPage({ ctx, data, error, done }: { ctx: ViewContext; data: RoundData; error?: ActionError | undefined; done?: unknown }) {
  const { t } = ctx;
  const r = data.round;
  const base = `/admin/consultations/rounds/${r.id}`;
  const periodForm = formFor(error, 'period', { opensOn: r.opensOn, closesOn: r.closesOn, shortenedReason: r.shortenedReason, changeNote: r.changeNote });
  const insertForm = formFor(error, 'insert', { after: String(data.articles.length) });
  const pasteForm = formFor(error, 'paste');
  const eventForm = formFor(error, 'event');
  const opForm = formFor(error, 'op');
  return (
    <Layout ctx={ctx} title={roundTitle(ctx, data)} crumbs={[...crumbs(ctx, data), { label: t('consultations.round_no', { n: r.seq }) }]}>
      <h1>{roundTitle(ctx, data)}</h1>
      <DoneNotice ctx={ctx} done={done} />
      {Object.keys(opForm.errors).length > 0 && <ErrorSummary ctx={ctx} form={opForm} labels={{ number: t('consultations.article'), splitAt: t('consultations.split_at') }} />}
      <p>
        <StateBadge ctx={ctx} state={data.state} /> {kindLabel(ctx, data.draft.kind)} · <Period ctx={ctx} r={r} />
      </p>
      <PeriodCount ctx={ctx} kind={data.draft.kind} r={r} />
      <p class="actions">
        <a class="button primary" href={`${base}/comments`}>
          {t('consultations.queue.link', { pending: data.counts.pending, undecided: data.counts.undecided })}
        </a>
        {data.draft.status === 'published' && <a href={`/consultations/${data.draft.id}/rounds/${r.seq}`}>{t('consultations.public_page')}</a>}
      </p>
      {!data.editable && <Notice kind="info">{t('consultations.round.fixed_note')}</Notice>}
      {data.editable && (
        <>
          <h2 id="period-h">{t('consultations.change_period')}</h2>
          <ErrorSummary ctx={ctx} form={periodForm} labels={{ opensOn: t('consultations.opens_on'), closesOn: t('consultations.closes_on'), shortenedReason: t('consultations.shortened_reason_label'), changeNote: t('consultations.change_note') }} />
          <form method="post" action={`${base}/period`} class="form" aria-labelledby="period-h">
            <Csrf ctx={ctx} />
            <PeriodFields ctx={ctx} form={periodForm} kind={data.draft.kind} />
            <button type="submit" class="button">
              {t('consultations.save')}
            </button>
          </form>
        </>
      )}
      <h2>{t('consultations.articles_count', { n: data.articles.length })}</h2>
      <ArticleRows ctx={ctx} d={data} />
      {data.editable && (
        <>
          <h2 id="insert-h">{t('consultations.article.insert')}</h2>
          <ErrorSummary ctx={ctx} form={insertForm} labels={{ after: t('consultations.insert_after'), heading: t('consultations.heading'), body: t('consultations.body') }} />
          <form method="post" action={`${base}/articles`} class="form" aria-labelledby="insert-h">
            <Csrf ctx={ctx} />
            <Select ctx={ctx} form={insertForm} name="after" label={t('consultations.insert_after')} required options={[{ value: '0', label: t('consultations.insert_first') }, ...data.articles.map((a) => ({ value: String(a.number), label: articleLabel(ctx, a.number) }))]} />
            <Field ctx={ctx} form={insertForm} name="chapter" label={t('consultations.chapter')} maxLength={100} />
            <Field ctx={ctx} form={insertForm} name="heading" label={t('consultations.heading')} maxLength={100} />
            <TextArea ctx={ctx} form={insertForm} name="body" label={t('consultations.body')} required rows={4} />
            <button type="submit" class="button">
              {t('consultations.article.insert')}
            </button>
          </form>
          <h2 id="paste-h">{t('consultations.paste')}</h2>
          <ErrorSummary ctx={ctx} form={pasteForm} labels={{ text: t('consultations.text') }} />
          <form method="post" action={`${base}/paste`} class="form" aria-labelledby="paste-h">
            <Csrf ctx={ctx} />
            <TextArea ctx={ctx} form={pasteForm} name="text" label={t('consultations.text')} hint={t('consultations.paste_hint')} required rows={8} />
            <button type="submit" class="button">
              {t('consultations.paste_button')}
            </button>
          </form>
        </>
      )}
      <h2>{t('consultations.events')}</h2>
      <EventList ctx={ctx} events={data.events} />
      <h2 id="event-h">{t('consultations.new_event')}</h2>
      <ErrorSummary ctx={ctx} form={eventForm} labels={{ kind: t('consultations.event_kind'), title: t('consultations.event_title'), heldOn: t('consultations.held_on'), participants: t('consultations.participants') }} />
      <form method="post" action={`${base}/events`} class="form" aria-labelledby="event-h">
        <Csrf ctx={ctx} />
        <Select ctx={ctx} form={eventForm} name="kind" label={t('consultations.event_kind')} required options={EVENT_KINDS.map((k) => ({ value: k, label: label(ctx, `consultations.event_kind.${k}`) }))} />
        <Field ctx={ctx} form={eventForm} name="title" label={t('consultations.event_title')} required maxLength={200} />
        <Field ctx={ctx} form={eventForm} name="heldOn" type="date" label={t('consultations.held_on')} required />
        <TextArea ctx={ctx} form={eventForm} name="participants" label={t('consultations.participants')} rows={2} />
        <button type="submit" class="button">
          {t('consultations.create_event')}
        </button>
      </form>
    </Layout>
  );
}

/** How the rule counts this round's period (calendar or working days, holidays skipped) against its minimum. */
function PeriodCount({ ctx, kind, r }: { ctx: ViewContext; kind: string; r: { opensOn: string; closesOn: string; shortenedReason: string } }) {
  const c = checkPeriod(kind as DraftKind, r.opensOn, r.closesOn, r.shortenedReason);
  const unit = c.minimum.unit === 'working' ? 'consultations.n_working_days' : 'consultations.n_days';
  return (
    <p class="meta">
      {ctx.t('consultations.period_counted', { length: ctx.t(unit, { n: c.length }), days: ctx.t(unit, { n: c.minimum.days }) })}
      {r.shortenedReason && ` · ${ctx.t('consultations.shortened_reason', { reason: r.shortenedReason })}`}
    </p>
  );
}

function EventList({ ctx, events }: { ctx: ViewContext; events: EventRow[] }) {
  if (events.length === 0) {
    return <p>{ctx.t('consultations.no_events')}</p>;
  }
  return (
    <ul>
      {events.map((e) => (
        <li key={e.id}>
          <a href={`/admin/consultations/events/${e.id}`}>{e.title}</a> · {e.heldOn} · {label(ctx, `consultations.event_kind.${e.kind}`)}
        </li>
      ))}
    </ul>
  );
}

/** Staff: one article of a round not yet open — edit it, move it, or split it. */
export function StaffArticlePage({ ctx, data, number, error }: { ctx: ViewContext; data: RoundData; number: number; error?: ActionError | undefined }) {
  const { t } = ctx;
  const a = data.articles[number - 1]!;
  const base = `/admin/consultations/rounds/${data.round.id}`;
  const editForm = formFor(error, 'edit', { chapter: a.chapter, heading: a.heading, body: a.body });
  const opForm = formFor(error, 'op', { to: String(a.number) });
  const title = `${articleLabel(ctx, a.number)} ${a.heading}`.trim();
  return (
    <Layout ctx={ctx} title={title} crumbs={[...crumbs(ctx, data), { href: base, label: t('consultations.round_no', { n: data.round.seq }) }, { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} form={editForm} labels={{ chapter: t('consultations.chapter'), heading: t('consultations.heading'), body: t('consultations.body') }} />
      <form method="post" action={`${base}/articles/${a.number}`} class="form">
        <Csrf ctx={ctx} />
        <Field ctx={ctx} form={editForm} name="chapter" label={t('consultations.chapter')} maxLength={100} />
        <Field ctx={ctx} form={editForm} name="heading" label={t('consultations.heading')} maxLength={100} />
        <TextArea ctx={ctx} form={editForm} name="body" label={t('consultations.body')} required rows={8} />
        <button type="submit" class="button primary">
          {t('consultations.save')}
        </button>
      </form>
      <h2 id="move-h">{t('consultations.article.move')}</h2>
      <ErrorSummary ctx={ctx} form={opForm} labels={{ to: t('consultations.move_to'), splitAt: t('consultations.split_at') }} />
      <form method="post" action={`${base}/articles/op`} class="form" aria-labelledby="move-h">
        <Csrf ctx={ctx} />
        <input type="hidden" name="op" value="move" />
        <input type="hidden" name="number" value={String(a.number)} />
        <Select ctx={ctx} form={opForm} name="to" label={t('consultations.move_to')} required options={data.articles.map((x) => ({ value: String(x.number), label: articleLabel(ctx, x.number) }))} />
        <button type="submit" class="button">
          {t('consultations.article.move')}
        </button>
      </form>
      <h2 id="split-h">{t('consultations.article.split')}</h2>
      <form method="post" action={`${base}/articles/op`} class="form" aria-labelledby="split-h">
        <Csrf ctx={ctx} />
        <input type="hidden" name="op" value="split" />
        <input type="hidden" name="number" value={String(a.number)} />
        <Field ctx={ctx} form={opForm} name="splitAt" label={t('consultations.split_at')} hint={t('consultations.split_hint')} required maxLength={200} />
        <button type="submit" class="button">
          {t('consultations.article.split')}
        </button>
      </form>
    </Layout>
  );
}
