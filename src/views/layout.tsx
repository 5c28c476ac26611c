import type { ComponentChildren } from 'preact';
import { withQuery, type ViewContext } from './context.js';
import { STAFF_ROLES } from '../http/context.js';
import type { MessageKey } from '../platform/i18n/index.js';

/** One step of a breadcrumb trail. */
export interface Crumb {
  href?: string;
  label: string;
}

interface LayoutProps {
  ctx: ViewContext;
  title: string;
  crumbs?: Crumb[];
  children: ComponentChildren;
}

/** The portal shell: skip link, header, navigation, main landmark and footer. */
export function Layout({ ctx, title, crumbs, children }: LayoutProps) {
  const { t } = ctx;
  const otherLang = ctx.locale === 'zh-CN' ? 'en' : 'zh-CN';
  const isStaff = ctx.user !== null && STAFF_ROLES.includes(ctx.user.role);
  return (
    <html lang={ctx.locale} class={ctx.elderly ? 'elderly' : undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} - ${t('site.name')}`}</title>
        <link rel="stylesheet" href="/static/styles.css" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skip')}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="/">
              <span class="brand-mark" aria-hidden="true">
                公
              </span>
              <span>{t('site.name')}</span>
            </a>
            <nav class="tools" aria-label={t('layout.tools')}>
              <ul>
                <li>
                  <a href={withQuery(ctx.url, 'lang', otherLang)} lang={otherLang} hrefLang={otherLang}>
                    {otherLang === 'en' ? 'English' : '中文'}
                  </a>
                </li>
                <li>
                  <a href={withQuery(ctx.url, 'mode', ctx.elderly ? 'standard' : 'elderly')}>
                    {ctx.elderly ? t('layout.standard_mode') : t('layout.elderly_mode')}
                  </a>
                </li>
                {ctx.user ? (
                  <>
                    {isStaff && (
                      <li>
                        <a href="/admin">{t('nav.admin')}</a>
                      </li>
                    )}
                    <li>
                      <a href="/account">{ctx.user.displayName}</a>
                    </li>
                    <li>
                      <form method="post" action="/logout" class="inline">
                        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                        <button type="submit" class="link-button">
                          {t('auth.logout')}
                        </button>
                      </form>
                    </li>
                  </>
                ) : (
                  <>
                    <li>
                      <a href="/login">{t('auth.login')}</a>
                    </li>
                    <li>
                      <a href="/register">{t('auth.register')}</a>
                    </li>
                  </>
                )}
              </ul>
            </nav>
          </div>
          <nav class="main-nav" aria-label={t('layout.main_nav')}>
            <ul class="wrap">
              <li>
                <a href="/" aria-current={ctx.url === '/' ? 'page' : undefined}>
                  {t('nav.home')}
                </a>
              </li>
              {ctx.nav.map((n) => (
                <li key={n.href}>
                  <a href={n.href} aria-current={ctx.url.startsWith(n.href) ? 'page' : undefined}>
                    {t(n.labelKey as MessageKey)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        {crumbs && crumbs.length > 0 && (
          <nav class="wrap breadcrumbs" aria-label={t('layout.breadcrumbs')}>
            <ol>
              <li>
                <a href="/">{t('nav.home')}</a>
              </li>
              {crumbs.map((c, i) => (
                <li key={i}>{c.href ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
              ))}
            </ol>
          </nav>
        )}
        <main id="main" class="wrap" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{t('site.footer')}</p>
            <p>
              <a href="/departments">{t('nav.departments')}</a> · <a href="/api/docs">{t('layout.api')}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
