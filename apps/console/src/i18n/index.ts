import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { I18nProvider } from 'ra-core';
import { en } from './en';
import { raChineseMessages } from './ra-zh-CN';
import { zhCN } from './zh-CN';

export const DEFAULT_LOCALE = 'zh-CN';
export const LOCALES = [
  { locale: 'zh-CN', name: '中文' },
  { locale: 'en', name: 'English' },
];

export const MESSAGES: Record<string, Record<string, unknown>> = {
  'zh-CN': { ...raChineseMessages, ...zhCN },
  en: { ...englishMessages, ...en },
};

/** True when the messages of `locale` hold `key` (a dotted path). */
export function hasMessage(locale: string, key: string): boolean {
  let node: unknown = MESSAGES[locale];
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

const KEY = /^[a-z][\w-]*(\.[\w-]+)+$/i;
const CJK = /[\u3400-\u9fff]/;

/**
 * Keys that were asked for in Chinese but fell back to English or to the key itself: the
 * browser tests read this list (window.__xpMissingTranslations) and insist it stays empty.
 */
const missing = new Set<string>();
(globalThis as { __xpMissingTranslations?: Set<string> }).__xpMissingTranslations = missing;

function createI18nProvider(): I18nProvider {
  const base = polyglotI18nProvider((locale) => (MESSAGES[locale] ?? MESSAGES[DEFAULT_LOCALE]) as never, DEFAULT_LOCALE, LOCALES, {
    allowMissing: true,
  });
  return {
    ...base,
    translate(key: string, options?: Record<string, unknown>) {
      const text = base.translate(key, options);
      const locale = base.getLocale();
      if (locale === 'zh-CN' && typeof key === 'string' && KEY.test(key) && !hasMessage(locale, key) && !CJK.test(text) && /[A-Za-z]/.test(text)) {
        missing.add(key);
      }
      return text;
    },
    async changeLocale(locale: string, options?: unknown) {
      await base.changeLocale(locale, options);
      if (typeof document !== 'undefined') document.documentElement.lang = locale;
    },
  };
}

/** One provider for the whole console (the data provider translates its errors with it too). */
export const i18nProvider = createI18nProvider();
export const translate = (key: string, options?: Record<string, unknown>) => i18nProvider.translate(key, options);
export const currentLocale = () => i18nProvider.getLocale();
