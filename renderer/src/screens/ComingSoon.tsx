// Sections that are not built yet say so plainly, and what they will do.

import { useTranslation } from 'react-i18next';
import type { Route } from '../hooks';

export function ComingSoon({ section }: { readonly section: Exclude<Route, 'home' | 'members' | 'settings' | 'history' | 'meetings' | 'reports' | 'loans'> }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="soon-title">
      <h1 id="soon-title">{t(`nav.${section}`)}</h1>
      <p className="notice">{t('soon.notYet')}</p>
      <p>{t(`soon.${section}`)}</p>
    </section>
  );
}
