// Translations: the UI's strings (this folder) and the server's error sentences
// (electron/server/messages), in Kinyarwanda, English, French, Swahili and Kirundi.
// The chosen language is remembered on this laptop.

import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import fr from './fr.json';
import rw from './rw.json';
import sw from './sw.json';
import rn from './rn.json';
import enErrors from '../../../electron/server/messages/en.json';
import frErrors from '../../../electron/server/messages/fr.json';
import rwErrors from '../../../electron/server/messages/rw.json';
import swErrors from '../../../electron/server/messages/sw.json';
import rnErrors from '../../../electron/server/messages/rn.json';
import { isUiLocale, type UiLocale } from '../../../electron/server/locale/numbers';

const STORAGE_KEY = 'ikimina.language';

export const LANGUAGES: readonly { code: UiLocale; name: string }[] = [
  { code: 'rw', name: 'Ikinyarwanda' },
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'Français' },
  { code: 'sw', name: 'Kiswahili' },
  { code: 'rn', name: 'Ikirundi' },
];

export function rememberedLanguage(): UiLocale | null {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored && isUiLocale(stored) ? stored : null;
}

/** The language the installer was run in (the app opens with ?lang=…), until a person picks one. */
function installerLanguage(): UiLocale | null {
  const asked = new URLSearchParams(window.location.search).get('lang');
  return asked && isUiLocale(asked) ? asked : null;
}

export function rememberLanguage(language: UiLocale): void {
  localStorage.setItem(STORAGE_KEY, language);
}

export function currentLanguage(): UiLocale {
  const l = i18n.language;
  return isUiLocale(l) ? l : 'rw';
}

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: en, errors: enErrors },
    fr: { translation: fr, errors: frErrors },
    rw: { translation: rw, errors: rwErrors },
    sw: { translation: sw, errors: swErrors },
    rn: { translation: rn, errors: rnErrors },
  },
  lng: rememberedLanguage() ?? installerLanguage() ?? 'rw',
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
