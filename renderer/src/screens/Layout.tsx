// The frame around every screen: the association's name, the language switch, and
// the sections of the books.

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, WhoIsSignedIn } from '../../../electron/server/contract';
import { useLanguage, type Route } from '../hooks';
import { LANGUAGES } from '../i18n';

interface LayoutProps {
  readonly association: AssociationView;
  readonly who: WhoIsSignedIn;
  readonly route: Route;
  /** The sections this user's role may open. */
  readonly routes: readonly Route[];
  readonly onLock: () => void;
  readonly onSwitchUser: () => void;
  readonly children: ReactNode;
}

export function Layout({ association, who, route, routes, onLock, onSwitchUser, children }: LayoutProps) {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  return (
    <div className="layout">
      <a className="skip-link" href="#main">{t('common.skipToContent')}</a>
      <header className="topbar">
        <div className="topbar__title">
          <span className="brand">Ikimina</span>
          <span className="topbar__association">{association.name}</span>
          {association.readOnly ? <span className="badge">{t('association.readOnly')}</span> : null}
        </div>
        <div className="topbar__tools">
          <span className="topbar__user">
            {who.user.name} · {t(`userRole.${who.user.role}`)}
          </span>
          <button type="button" className="button button--secondary button--small" onClick={onLock}>
            {t('nav.lock')}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={onSwitchUser}>
            {t('nav.switchUser')}
          </button>
          <label className="language-switch">
            <span>{t('settings.language')}</span>
            <select value={language} onChange={(e) => setLanguage(e.target.value as typeof language)}>
              {LANGUAGES.map((l) => (
                <option key={l.code} value={l.code}>{l.name}</option>
              ))}
            </select>
          </label>
        </div>
      </header>
      <nav className="sidebar" aria-label={t('nav.sections')}>
        <ul>
          {routes.map((r) => (
            <li key={r}>
              <a href={`#/${r}`} aria-current={r === route ? 'page' : undefined}>{t(`nav.${r}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
