// The bar across the top of every signed-in screen: the app's name (and the
// association's), who is signed in in which role, their buttons, and the language.

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WhoIsSignedIn } from '../../../electron/server/contract';
import { LanguageSwitch } from './LanguageSwitch';

export function TopBar({ who, title, children }: { readonly who: WhoIsSignedIn; readonly title?: ReactNode; readonly children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">{t('common.skipToContent')}</a>
      <header className="topbar">
        <div className="topbar__title">
          <span className="brand">Ikimina</span>
          {title}
        </div>
        <div className="topbar__tools">
          <span className="topbar__user">
            {who.user.name} · {t(`userRole.${who.user.role}`)}
          </span>
          {children}
          <LanguageSwitch />
        </div>
      </header>
    </>
  );
}
