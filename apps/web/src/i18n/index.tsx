import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { setIssueLocale } from '../forms/issue-text';
import { en } from './en';
import type { MessageKey } from './zh-CN';
import { zhCN } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
export type { MessageKey };
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

const CATALOGS: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
const LOCALE_KEY = 'cqo.locale';

function format(template: string, vars?: Vars): string {
  return vars ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : template;
}

/** A catalog look-up outside React (e.g. in formatters that receive the locale). */
export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  return format(CATALOGS[locale][key] ?? zhCN[key] ?? key, vars);
}

/** Whether `key` is in the catalog (for labels built from API values, e.g. `state.at_risk`). */
export const isMessageKey = (key: string): key is MessageKey => key in zhCN;

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
  /** A label for an API value under a prefix (`state.` + `at_risk`), or the value itself when unknown. */
  label(prefix: string, value: string | number | null | undefined): string;
  date(value: string | null | undefined): string;
  dateTime(value: string | null | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  const stored = localStorage.getItem(LOCALE_KEY);
  return stored === 'en' || stored === 'zh-CN' ? stored : 'zh-CN';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const first = initialLocale();
    setIssueLocale(first);
    return first;
  });
  useEffect(() => {
    document.documentElement.lang = locale;
    setIssueLocale(locale);
    document.title = translate(locale, 'app.title');
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(LOCALE_KEY, next);
    setIssueLocale(next);
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    // Dates are shown in China Standard Time, as the rules count them.
    const dateFmt = new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
    const dateTimeFmt = new Intl.DateTimeFormat(locale, {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    const t: Translate = (key, vars) => translate(locale, key, vars);
    return {
      locale,
      setLocale,
      t,
      label: (prefix, raw) => {
        if (raw === null || raw === undefined || raw === '') return '—';
        const key = `${prefix}${raw}`;
        return isMessageKey(key) ? t(key) : String(raw);
      },
      date: (v) => (v ? dateFmt.format(new Date(v)) : '—'),
      dateTime: (v) => (v ? dateTimeFmt.format(new Date(v)) : '—'),
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
