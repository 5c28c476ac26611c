import { zhCN } from './messages.zh-CN.js';
import { en } from './messages.en.js';

/** The portal's two languages; zh-CN is the default everywhere. */
export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** A message key: every key of the Chinese catalogue (the reference catalogue). */
export type MessageKey = keyof typeof zhCN;

const catalogues: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** Parses a `lang` query or cookie value; unknown values fall back to nothing. */
export function parseLocale(value: unknown): Locale | undefined {
  if (value === 'en' || value === 'en-US') {
    return 'en';
  }
  if (value === 'zh' || value === 'zh-CN' || value === 'zh-cn') {
    return 'zh-CN';
  }
  return undefined;
}

/** True when a string is a known message key. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhCN, key);
}

/** Translates a key, filling `{name}` placeholders; an unknown key is returned as it is. */
export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = isMessageKey(key) ? catalogues[locale][key] : key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}

/** A translator bound to one locale, handed to views and services that speak to people. */
export type Translator = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Binds translate() to a locale. */
export function translator(locale: Locale): Translator {
  return (key, params) => translate(locale, key, params);
}
