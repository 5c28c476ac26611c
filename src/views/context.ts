import type { FastifyRequest } from 'fastify';
import type { CurrentUser, NavEntry } from '../http/context.js';
import { translator, type Locale, type Translator } from '../platform/i18n/index.js';
import { csrfTokenOf } from '../http/request-context.js';

/** What every page needs to know about the request it answers. */
export interface ViewContext {
  t: Translator;
  locale: Locale;
  user: CurrentUser | null;
  csrfToken: string;
  elderly: boolean;
  /** Path and query of the current page, for language and mode switches that come back here. */
  url: string;
  nav: NavEntry[];
}

/** Builds the view context of a request. */
export function viewContext(req: FastifyRequest): ViewContext {
  return {
    t: translator(req.locale),
    locale: req.locale,
    user: req.user,
    // Read only by pages that carry a form, so that plain reading pages set no cookie.
    get csrfToken() {
      return csrfTokenOf(req);
    },
    elderly: req.elderly,
    url: req.url,
    nav: req.server.nav,
  };
}

/** The current URL with one query parameter set (or removed when value is null). */
export function withQuery(url: string, key: string, value: string | null): string {
  const u = new URL(url, 'http://x');
  if (value === null) {
    u.searchParams.delete(key);
  } else {
    u.searchParams.set(key, value);
  }
  return u.pathname + u.search;
}
