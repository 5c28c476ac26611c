import { Csrf, DateTimeText, Notice } from '../../views/components.js';
import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import type { MessageKey } from '../i18n/index.js';
import { EXTERNAL_CHANNELS } from './outbox.service.js';

const STATUSES = ['pending', 'sending', 'sent', 'failed', 'dead'] as const;

/** Staff view of deliveries: counts by channel and status, dead letters with their last error and a retry button. */
export function DeliveriesPage({
  ctx,
  counts,
  dead,
  notice,
}: {
  ctx: ViewContext;
  counts: Array<{ channel: string; status: string; n: number }>;
  dead: Array<{ id: number; channel: string; address: string; attempts: number; lastError: string | null; updatedAt: string; title: string; recipientKind: string; recipientKey: string }>;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const n = (ch: string, st: string) => counts.find((c) => c.channel === ch && c.status === st)?.n ?? 0;
  return (
    <Layout ctx={ctx} title={t('outbox.admin.title')} crumbs={[{ href: '/admin', label: t('nav.admin') }, { label: t('outbox.admin.title') }]}>
      <h1>{t('outbox.admin.title')}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <p>{t('outbox.admin.intro')}</p>
      <table id="delivery-counts">
        <caption>{t('outbox.admin.counts')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('outbox.admin.channel')}</th>
            {STATUSES.map((s) => (
              <th scope="col" key={s}>
                {t(`outbox.status.${s}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {EXTERNAL_CHANNELS.map((ch) => (
            <tr key={ch}>
              <th scope="row">{t(`outbox.channel.${ch}`)}</th>
              {STATUSES.map((s) => (
                <td key={s}>{n(ch, s)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('outbox.admin.dead')}</h2>
      {dead.length === 0 ? (
        <p>{t('outbox.admin.none')}</p>
      ) : (
        <table id="dead-letters">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('outbox.admin.channel')}</th>
              <th scope="col">{t('outbox.admin.recipient')}</th>
              <th scope="col">{t('outbox.admin.message')}</th>
              <th scope="col">{t('outbox.admin.attempts')}</th>
              <th scope="col">{t('outbox.admin.error')}</th>
              <th scope="col">{t('outbox.admin.when')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('outbox.admin.retry')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {dead.map((d) => (
              <tr key={d.id}>
                <td>{d.id}</td>
                <td>{t(`outbox.channel.${d.channel}` as MessageKey)}</td>
                <td>
                  {d.recipientKind}:{d.recipientKey}
                  <br />
                  <span class="hint">{d.address}</span>
                </td>
                <td>{d.title}</td>
                <td>{d.attempts}</td>
                <td>{d.lastError}</td>
                <td>
                  <DateTimeText iso={d.updatedAt} />
                </td>
                <td>
                  <form method="post" action={`/admin/deliveries/${d.id}/retry`}>
                    <Csrf ctx={ctx} />
                    <button type="submit" class="button">
                      {t('outbox.admin.retry')}
                      <span class="visually-hidden"> #{d.id}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
