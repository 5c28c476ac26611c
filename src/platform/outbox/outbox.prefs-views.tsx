import { Csrf, ErrorSummary, Field, Notice, type FormState } from '../../views/components.js';
import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { EXTERNAL_CHANNELS, type Preferences } from './outbox.service.js';

/** Labels of the preferences form's fields. */
export function prefLabels(ctx: ViewContext): Record<string, string> {
  const { t } = ctx;
  return { channels: t('outbox.prefs.channels'), email: t('outbox.prefs.email'), mobile: t('outbox.prefs.mobile'), wechatOpenid: t('outbox.prefs.openid'), webhookUrl: t('outbox.prefs.webhook_url') };
}

/** The form's values from stored preferences. */
export function prefsForm(p: Preferences): FormState {
  return {
    values: {
      channels: EXTERNAL_CHANNELS.filter((c) => p.channels[c].enabled),
      email: p.channels.email.address,
      mobile: p.channels.sms.address,
      wechatOpenid: p.channels.wechat.address,
      webhookUrl: p.channels.webhook.address,
    },
    errors: {},
  };
}

interface Props {
  ctx: ViewContext;
  form: FormState;
  prefs: Preferences;
  target: { kind: string; name: string };
  targets: Array<{ kind: string; name: string }>;
  notice?: string | undefined;
  secret?: string | null;
  quiet?: { start: number; end: number } | null | undefined;
}

/** Channel choices: which channels, the addresses, the webhook secret (shown once), unsubscribe from everything. */
export function PreferencesPage({ ctx, form, prefs, target, targets, notice, secret, quiet }: Props) {
  const { t } = ctx;
  const q = `?for=${target.kind}`;
  const chosen = new Set(Array.isArray(form.values.channels) ? form.values.channels : form.values.channels ? [form.values.channels] : []);
  const chErr = form.errors.channels;
  const known = prefs.contact;
  return (
    <Layout ctx={ctx} title={t('outbox.prefs.title')} crumbs={[{ href: '/account', label: t('account.title') }, { label: t('outbox.prefs.title') }]}>
      <h1>{t('outbox.prefs.title')}</h1>
      {targets.length > 1 && (
        <nav aria-label={t('outbox.prefs.whose')}>
          <ul class="tag-list">
            {targets.map((x) => (
              <li key={x.kind}>
                <a class="tag" href={`/account/notifications?for=${x.kind}`} aria-current={x.kind === target.kind ? 'page' : undefined}>
                  {t(x.kind === 'enterprise' ? 'outbox.inbox.for_enterprise' : 'outbox.inbox.for_me')}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {notice && <Notice kind="success">{notice}</Notice>}
      {secret && (
        <Notice kind="warning">
          <p>{t('outbox.prefs.secret_once')}</p>
          <p>
            <code class="secret" id="webhook-secret">
              {secret}
            </code>
          </p>
        </Notice>
      )}
      <p>
        {t('outbox.prefs.intro')}
        {quiet && quiet.start !== quiet.end && <> {t('outbox.prefs.quiet', { start: String(quiet.start).padStart(2, '0'), end: String(quiet.end).padStart(2, '0') })}</>}
      </p>
      <ErrorSummary ctx={ctx} form={form} labels={prefLabels(ctx)} />
      <form method="post" action={`/account/notifications${q}`} novalidate>
        <Csrf ctx={ctx} />
        <fieldset id="channels" aria-describedby={chErr ? 'channels-error' : undefined}>
          <legend>{t('outbox.prefs.channels')}</legend>
          <p class="hint">{t('outbox.prefs.inbox_always')}</p>
          {chErr && (
            <p class="error" id="channels-error">
              {t(chErr.key, chErr.params)}
            </p>
          )}
          <div class="checkbox-grid">
            {EXTERNAL_CHANNELS.map((c) => (
              <label class="choice" key={c}>
                <input type="checkbox" name="channels" value={c} checked={chosen.has(c)} /> {t(`outbox.channel.${c}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <Field ctx={ctx} form={form} name="email" type="email" label={t('outbox.prefs.email')} autoComplete="email" hint={known?.email ? t('outbox.prefs.default_hint', { value: known.email }) : undefined} />
        <Field ctx={ctx} form={form} name="mobile" type="tel" label={t('outbox.prefs.mobile')} autoComplete="tel" hint={known?.mobile ? t('outbox.prefs.default_hint', { value: known.mobile }) : undefined} />
        <Field ctx={ctx} form={form} name="wechatOpenid" label={t('outbox.prefs.openid')} hint={t('outbox.prefs.openid_hint')} />
        <Field ctx={ctx} form={form} name="webhookUrl" type="url" label={t('outbox.prefs.webhook_url')} hint={t('outbox.prefs.webhook_hint')} />
        {prefs.channels.webhook.hasSecret && (
          <div class="field">
            <label class="choice">
              <input type="checkbox" name="regenerateSecret" value="on" /> {t('outbox.prefs.regenerate')}
            </label>
          </div>
        )}
        <button type="submit" class="button primary">
          {t('outbox.prefs.save')}
        </button>
      </form>
      <h2>{t('outbox.prefs.unsubscribe_all')}</h2>
      <p>{t('outbox.prefs.unsubscribe_all_hint')}</p>
      <form method="post" action={`/account/notifications/unsubscribe-all${q}`}>
        <Csrf ctx={ctx} />
        <button type="submit" class="button danger">
          {t('outbox.prefs.unsubscribe_all')}
        </button>
      </form>
      <p>
        <a href="/account/inbox">{t('outbox.inbox.title')}</a>
      </p>
    </Layout>
  );
}
