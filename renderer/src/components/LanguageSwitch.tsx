// The language switch in the top bar: the choice is remembered on this laptop.

import { useTranslation } from 'react-i18next';
import { useLanguage } from '../hooks';
import { LANGUAGES } from '../i18n';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  return (
    <label className="language-switch">
      <span>{t('settings.language')}</span>
      <select value={language} onChange={(e) => setLanguage(e.target.value as typeof language)}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code}>{l.name}</option>
        ))}
      </select>
    </label>
  );
}
