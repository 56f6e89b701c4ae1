// Small hooks the screens share: running a server command with its errors shown
// next to the right field, the current route, the language, and the books' health.

import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorResult, HandlerName, InputOf, LedgerHealth, OutputOf } from '../../electron/server/contract';
import type { UiLocale } from '../../electron/server/locale/numbers';
import { call, ledger } from './api';
import { currentLanguage, rememberLanguage } from './i18n';

/** The sentence for a server error, in the current language. */
export function useErrorText(): (error: ErrorResult) => string {
  const { t } = useTranslation();
  return useCallback((error) => t(error.code, { ns: 'errors', ...error.params }), [t]);
}

export interface Command {
  /** Runs a command; returns its value, or null after showing its error. */
  run<N extends HandlerName>(name: N, input: InputOf<N>): Promise<OutputOf<N> | null>;
  /** Error sentences by input field name. */
  readonly fieldErrors: Readonly<Record<string, string>>;
  /** An error that concerns no single field. */
  readonly formError: string | null;
  readonly busy: boolean;
  clear(): void;
  /** The error to show above the buttons: one for no field, or for a field this form does not show ('funds.*' covers funds.0.amount …). */
  errorOutside(shownFields: readonly string[]): string | null;
}

export function useCommand(): Command {
  const errorText = useErrorText();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const clear = useCallback(() => {
    setFieldErrors({});
    setFormError(null);
  }, []);
  const run = useCallback(
    async <N extends HandlerName>(name: N, input: InputOf<N>): Promise<OutputOf<N> | null> => {
      setBusy(true);
      clear();
      try {
        const result = await call(name, input);
        if (result.ok) return result.value;
        const text = errorText(result.error);
        if (result.error.field) setFieldErrors({ [result.error.field]: text });
        else setFormError(text);
        return null;
      } finally {
        setBusy(false);
      }
    },
    [clear, errorText],
  );
  const errorOutside = (shownFields: readonly string[]) =>
    formError ?? Object.entries(fieldErrors).find(([field]) => !shownFields.some((shown) => shown === field || (shown.endsWith('.*') && field.startsWith(shown.slice(0, -1)))))?.[1] ?? null;
  return { run, fieldErrors, formError, busy, clear, errorOutside };
}

/** Loads data from the server and reloads when `deps` change or `reload()` is called. */
export function useQuery<N extends HandlerName>(name: N, input: InputOf<N> | null, deps: readonly unknown[]) {
  const errorText = useErrorText();
  const [data, setData] = useState<OutputOf<N> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!input) return;
    let live = true;
    void call(name, input).then((r) => {
      if (!live) return;
      if (r.ok) {
        setData(r.value);
        setError(null);
      } else setError(errorText(r.error));
    });
    return () => {
      live = false;
    };
  }, [...deps, version, errorText]);
  return { data, error, reload: () => setVersion((v) => v + 1) };
}

export type Route = 'home' | 'members' | 'meetings' | 'loans' | 'livestock' | 'grants' | 'reports' | 'history' | 'settings';
export const ROUTES: readonly Route[] = ['home', 'members', 'meetings', 'loans', 'livestock', 'grants', 'reports', 'history', 'settings'];

/** Calls `onIdle` after `minutes` without a key press, click or touch. */
export function useIdleLock(active: boolean, minutes: number, onIdle: () => void): void {
  useEffect(() => {
    if (!active) return;
    let timer = window.setTimeout(onIdle, minutes * 60_000);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(onIdle, minutes * 60_000);
    };
    const events = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, reset, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, reset);
    };
  }, [active, minutes, onIdle]);
}

function routeFromHash(): Route {
  // '#/settings/backups' is Settings, opened at its backups.
  const name = window.location.hash.replace(/^#\/?/, '').split('/')[0]!;
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'home';
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(routeFromHash);
  useEffect(() => {
    const onChange = () => setRoute(routeFromHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function useLanguage(): [UiLocale, (language: UiLocale) => void] {
  const { i18n: instance } = useTranslation();
  const language = currentLanguage();
  const change = useCallback(
    (next: UiLocale) => {
      rememberLanguage(next);
      document.documentElement.lang = next;
      void ledger.setLanguage(next);
      void instance.changeLanguage(next);
    },
    [instance],
  );
  return [language, change];
}

/** Tells the server which language numbers are typed in, once at start. */
export function announceLanguage(): void {
  document.documentElement.lang = currentLanguage();
  void ledger.setLanguage(currentLanguage());
}

/** How often a signed-in screen asks whether the books still pass their checks. */
export const HEALTH_EVERY_SECONDS = 60;

export interface Health {
  readonly health: LedgerHealth | null;
  /** Asks the server again now (after a check, a restore…). */
  refresh(): void;
  /** Shows an answer the server already gave (an acknowledgement, a check just run). */
  show(health: LedgerHealth): void;
}

/**
 * The books' health for whoever is signed in (`signedIn`: a key that changes with
 * each sign-in, null when nobody is): asked at once after a sign-in, then every minute.
 */
export function useLedgerHealth(signedIn: string | null): Health {
  const [health, setHealth] = useState<LedgerHealth | null>(null);
  // An answer that arrives after the person signed out or someone else signed in is dropped.
  const current = useRef<string | null>(null);
  const refresh = useCallback(() => {
    const asked = current.current;
    if (!asked) return;
    void call('ledger-health-get', {}).then((r) => {
      if (r.ok && current.current === asked) setHealth(r.value);
    });
  }, []);
  useEffect(() => {
    current.current = signedIn;
    setHealth(null);
    if (!signedIn) return;
    refresh();
    const timer = window.setInterval(refresh, HEALTH_EVERY_SECONDS * 1000);
    return () => window.clearInterval(timer);
  }, [signedIn, refresh]);
  return { health, refresh, show: setHealth };
}
