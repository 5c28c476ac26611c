import { Csrf, DateTimeText, Notice, Pagination } from '../../views/components.js';
import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import type { MessageKey } from '../i18n/index.js';

/** One inbox message as the pages show it. */
export interface InboxItem {
  id: number;
  readAt: string | null;
  createdAt: string;
  recipientKind: string;
  topic: string;
  title: string;
  body: string;
  link: string;
}

const accountCrumb = (ctx: ViewContext) => ({ href: '/account', label: ctx.t('account.title') });

function ForWhom({ ctx, kind }: { ctx: ViewContext; kind: string }) {
  return <span class="hint">{ctx.t(kind === 'enterprise' ? 'outbox.inbox.for_enterprise' : 'outbox.inbox.for_me')}</span>;
}

/** The inbox: newest first, unread marked and counted; each message opens (and is read) on its own page. */
export function InboxPage({ ctx, items, unread, total, page, pageCount, notice }: { ctx: ViewContext; items: InboxItem[]; unread: number; total: number; page: number; pageCount: number; notice?: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('outbox.inbox.title')} crumbs={[accountCrumb(ctx), { label: t('outbox.inbox.title') }]}>
      <h1>{t('outbox.inbox.title')}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <p id="inbox-count">{t('outbox.inbox.count', { total, unread })}</p>
      <p>
        <a href="/account/notifications">{t('outbox.prefs.title')}</a>
      </p>
      {items.length === 0 ? (
        <p>{t('outbox.inbox.empty')}</p>
      ) : (
        <ul class="inbox-list">
          {items.map((m) => (
            <li key={m.id} class={m.readAt ? 'inbox-item' : 'inbox-item unread'}>
              <h2 class="inbox-title">
                {!m.readAt && <span class="status-badge status-in_review">{t('outbox.inbox.unread')}</span>} <a href={`/account/inbox/${m.id}`}>{m.title}</a>
              </h2>
              <p class="inbox-meta">
                <DateTimeText iso={m.createdAt} /> · <ForWhom ctx={ctx} kind={m.recipientKind} />
              </p>
              {!m.readAt && (
                <form method="post" action={`/account/inbox/${m.id}/read`} class="inline">
                  <Csrf ctx={ctx} />
                  <button type="submit" class="link-button">
                    {t('outbox.inbox.mark_read')}
                    <span class="visually-hidden">: {m.title}</span>
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pagination ctx={ctx} page={page} pageCount={pageCount} hrefFor={(p) => `/account/inbox?page=${p}`} />
    </Layout>
  );
}

/** One message, opened (and so read). */
export function MessagePage({ ctx, m }: { ctx: ViewContext; m: InboxItem }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={m.title} crumbs={[accountCrumb(ctx), { href: '/account/inbox', label: t('outbox.inbox.title') }, { label: m.title }]}>
      <article class="inbox-message">
        <h1>{m.title}</h1>
        <p class="inbox-meta">
          <DateTimeText iso={m.createdAt} /> · <ForWhom ctx={ctx} kind={m.recipientKind} />
        </p>
        {m.body.split(/\n+/).map((para, i) => (
          <p key={i}>{para}</p>
        ))}
        {m.link.startsWith('/') && (
          <p>
            <a class="button primary" href={m.link}>
              {t('outbox.inbox.open_link')}
            </a>
          </p>
        )}
      </article>
      <p>
        <a href="/account/inbox">{t('outbox.inbox.back')}</a>
      </p>
    </Layout>
  );
}

/** The page behind the link in every e-mail: works without signing in, confirms with a form. */
export function UnsubscribePage({ ctx, token, channel, done }: { ctx: ViewContext; token: string; channel: string; done: boolean }) {
  const { t } = ctx;
  const what = t(`outbox.channel.${channel}` as MessageKey);
  return (
    <Layout ctx={ctx} title={t('outbox.unsub.title')}>
      <h1>{t('outbox.unsub.title')}</h1>
      {done ? (
        <Notice kind="success">
          <p>{t('outbox.unsub.done', { channel: what })}</p>
        </Notice>
      ) : (
        <>
          <p>{t('outbox.unsub.question', { channel: what })}</p>
          <p>{t('outbox.unsub.inbox_stays')}</p>
          <form method="post" action={`/unsubscribe/${token}`}>
            <Csrf ctx={ctx} />
            <button type="submit" class="button primary">
              {t('outbox.unsub.confirm')}
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}
