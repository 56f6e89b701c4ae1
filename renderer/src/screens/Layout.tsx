// The frame around every screen: the association's name, the language switch, the
// sections of the books, and the warning when the books need checking.

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, WhoIsSignedIn } from '../../../electron/server/contract';
import type { Route } from '../hooks';
import { TopBar } from '../components/TopBar';

interface LayoutProps {
  readonly association: AssociationView;
  readonly who: WhoIsSignedIn;
  readonly route: Route;
  /** The sections this user's role may open. */
  readonly routes: readonly Route[];
  readonly onLock: () => void;
  readonly onSwitchUser: () => void;
  /** Shown at the top of every screen (the health warning), when there is one. */
  readonly banner?: ReactNode;
  readonly children: ReactNode;
}

export function Layout({ association, who, route, routes, onLock, onSwitchUser, banner, children }: LayoutProps) {
  const { t } = useTranslation();
  return (
    <div className="layout">
      <TopBar
        who={who}
        title={
          <>
            <span className="topbar__association">{association.name}</span>
            {association.readOnly ? <span className="badge">{t('association.readOnly')}</span> : null}
            {association.practice ? <span className="badge">{t('practice.badge')}</span> : null}
          </>
        }
      >
        <button type="button" className="button button--secondary button--small" onClick={onLock}>
          {t('nav.lock')}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onSwitchUser}>
          {t('nav.switchUser')}
        </button>
      </TopBar>
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
        {banner}
        {children}
      </main>
    </div>
  );
}
