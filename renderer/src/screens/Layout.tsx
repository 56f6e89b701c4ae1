// The frame around every screen: the association's name, the language switch, and
// the sections of the books.

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView } from '../../../electron/server/contract';
import { ROUTES, useLanguage, type Route } from '../hooks';
import { LANGUAGES } from '../i18n';

interface LayoutProps {
  readonly association: AssociationView;
  readonly route: Route;
  readonly canSwitch: boolean;
  readonly onSwitchAssociation: () => void;
  readonly children: ReactNode;
}

export function Layout({ association, route, canSwitch, onSwitchAssociation, children }: LayoutProps) {
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
          {canSwitch ? (
            <button type="button" className="button button--secondary button--small" onClick={onSwitchAssociation}>
              {t('nav.switchAssociation')}
            </button>
          ) : null}
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
          {ROUTES.map((r) => (
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
