// A short wizard to create an association — language, the group, where it meets,
// its treasurer — and, at the very first start, the laptop's administrator. The
// server checks everything; its errors appear next to the field, and the wizard
// goes back to the step that holds that field. Later associations are added by the
// laptop's administrator through the same steps.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, CreatedAssociation, WhoIsSignedIn } from '../../../electron/server/contract';
import { CURRENCY_CODES } from '../../../electron/server/money/currency';
import { ChoiceField, DateField, FormError, SelectField, TextField } from '../components/fields';
import { useCommand, useLanguage } from '../hooks';
import { LANGUAGES } from '../i18n';
import { COUNTRIES, COUNTRY_OF_LANGUAGE, defaultCurrency, type CountryCode } from '../location';
import { PlaceFields } from '../components/PlaceFields';

const STEP_OF_FIELD: Record<string, number> = {
  language: 0, name: 1, registrationNo: 1, foundedOn: 1, currency: 1, country: 1,
  province: 2, district: 2, sector: 2, cell: 2, village: 2,
  'treasurer.name': 3, 'treasurer.pin': 3, pinAgain: 3,
  administrator: 4, 'administrator.name': 4, 'administrator.pin': 4, administratorPinAgain: 4,
};

interface WizardProps {
  /**
   * The laptop's very first start: the administrator is named too, and the
   * treasurer is signed in at the end. Otherwise the laptop's administrator is
   * adding an association, and stays signed in.
   */
  readonly firstStart: boolean;
  /** `who` is the treasurer, signed in (first start only). */
  readonly onCreated: (association: AssociationView, who: WhoIsSignedIn | null) => void;
  readonly onCancel?: () => void;
  /** At first start: try Ikimina first with a practice group (screens/practice/). */
  readonly onPractice?: () => void;
}

export function Wizard({ firstStart, onCreated, onCancel, onPractice }: WizardProps) {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  const command = useCommand();
  const [step, setStep] = useState(0);
  const [form, setForm] = useState({
    name: '', registrationNo: '', foundedOn: '', currency: 'RWF',
    country: 'RW' as CountryCode, province: '', district: '', sector: '', cell: '', village: '',
  });
  const [treasurer, setTreasurer] = useState({ name: '', pin: '', pinAgain: '' });
  const [administrator, setAdministrator] = useState({ name: '', pin: '', pinAgain: '' });
  const [pinMismatch, setPinMismatch] = useState<'treasurer' | 'administrator' | null>(null);
  const lastStep = firstStart ? 4 : 3;
  const [created, setCreated] = useState<CreatedAssociation | null>(null);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const [countryChosen, setCountryChosen] = useState(false);
  /** A new country: its currency, and none of the other country's places. */
  const chooseCountry = (country: CountryCode, byHand = true) => {
    if (byHand) setCountryChosen(true);
    setForm((f) => (f.country === country ? f : { ...f, country, currency: defaultCurrency(country), province: '', district: '', sector: '', cell: '', village: '' }));
  };
  /**
   * The language says where the group most likely is (Kirundi: Burundi; Swahili: the
   * eastern DRC) — until a country is chosen by hand or a place typed, which a later
   * change of language never undoes.
   */
  const chooseLanguage = (next: typeof language) => {
    setLanguage(next);
    const implied = COUNTRY_OF_LANGUAGE[next];
    const placeTyped = [form.province, form.district, form.sector, form.cell, form.village].some((p) => p !== '');
    if (implied && !countryChosen && !placeTyped) chooseCountry(implied, false);
  };
  const err = (field: string) => command.fieldErrors[field];

  async function create() {
    // Typing the PIN twice catches a slip before it locks the treasurer (or the administrator) out.
    if (treasurer.pin !== treasurer.pinAgain) {
      setPinMismatch('treasurer');
      setStep(3);
      return;
    }
    if (firstStart && administrator.pin !== administrator.pinAgain) {
      setPinMismatch('administrator');
      return;
    }
    setPinMismatch(null);
    const made = await command.run('association-create', {
      ...form, currency: form.currency as AssociationView['currency'], language, treasurer: { name: treasurer.name, pin: treasurer.pin },
      ...(firstStart ? { administrator: { name: administrator.name, pin: administrator.pin } } : {}),
    });
    if (made) setCreated(made);
  }

  async function finish() {
    if (!created) return;
    if (!firstStart) {
      onCreated(created, null);
      return;
    }
    const signedIn = await command.run('session-sign-in', { associationId: created.id, userId: created.treasurerId, pin: treasurer.pin });
    if (signedIn) onCreated(created, { user: signedIn.user, can: signedIn.can });
  }

  // After a refusal, go back to the step that holds the field in question.
  useEffect(() => {
    const field = Object.keys(command.fieldErrors)[0];
    const target = field === undefined ? undefined : STEP_OF_FIELD[field];
    if (target !== undefined) setStep(target);
  }, [command.fieldErrors]);
  const shownStep = step;

  if (created) {
    return (
      <main className="wizard" aria-labelledby="recovery-title">
        <h1 id="recovery-title">{t('wizard.recoveryTitle')}</h1>
        <p>{t('wizard.recoveryExplain')}</p>
        <p className="recovery-code" aria-label={t('wizard.recoveryCode')}>{created.recoveryCode}</p>
        <p>{t('wizard.recoveryKeep')}</p>
        <FormError message={command.formError} />
        <div className="actions">
          <button type="button" className="button" onClick={() => void finish()} disabled={command.busy}>{t('wizard.recoveryDone')}</button>
        </div>
      </main>
    );
  }

  const steps = [t('wizard.stepLanguage'), t('wizard.stepGroup'), t('wizard.stepPlace'), ...(firstStart ? [t('wizard.stepAccess'), t('wizard.stepAdministrator')] : [t('wizard.stepTreasurer')])];

  return (
    <main className="wizard" aria-labelledby="wizard-title">
      <h1 id="wizard-title">{firstStart ? t('wizard.title') : t('wizard.addTitle')}</h1>
      <p className="lead">{firstStart ? t('wizard.intro') : t('wizard.addIntro')}</p>
      <ol className="wizard__steps" aria-label={t('wizard.progress')}>
        {steps.map((label, i) => (
          <li key={label} aria-current={i === shownStep ? 'step' : undefined} className={i === shownStep ? 'is-current' : i < shownStep ? 'is-done' : ''}>
            {i + 1}. {label}
          </li>
        ))}
      </ol>

      <form
        className="wizard__form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (shownStep < lastStep) setStep(shownStep + 1);
          else void create();
        }}
      >
        {shownStep === 0 ? (
          <ChoiceField
            legend={t('wizard.languageQuestion')}
            name="language"
            value={language}
            onChange={(v) => chooseLanguage(v as typeof language)}
            options={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
          />
        ) : null}

        {shownStep === 1 ? (
          <>
            <TextField label={t('association.name')} name="name" value={form.name} onChange={set('name')} error={err('name')} required autoFocus maxLength={120} />
            <TextField label={t('association.registrationNo')} name="registrationNo" value={form.registrationNo} onChange={set('registrationNo')} error={err('registrationNo')} labelNote={t('common.optionalNote')} />
            <DateField legend={t('association.foundedOn')} name="foundedOn" value={form.foundedOn} onChange={set('foundedOn')} error={err('foundedOn')} required />
            <SelectField
              label={t('association.country')}
              name="country"
              value={form.country}
              onChange={(v) => chooseCountry(v as CountryCode)}
              error={err('country')}
              options={COUNTRIES.map((c) => ({ value: c.code, label: t(`country.${c.code}`) }))}
            />
            <SelectField
              label={t('association.currency')}
              name="currency"
              value={form.currency}
              onChange={set('currency')}
              error={err('currency')}
              options={CURRENCY_CODES.map((c) => ({ value: c, label: `${c} — ${t(`currency.${c}`)}` }))}
            />
          </>
        ) : null}

        {shownStep === 2 ? (
          <>
            <PlaceFields country={form.country} language={language} place={form} onChange={(place) => setForm((f) => ({ ...f, ...place }))} errors={command.fieldErrors} />
          </>
        ) : null}

        {shownStep === 3 ? (
          <>
            <p>{firstStart ? t('wizard.accessExplain') : t('wizard.accessExplainAdded')}</p>
            <TextField label={firstStart ? t('wizard.treasurerName') : t('wizard.treasurerNameAdded')} name="treasurer.name" value={treasurer.name} onChange={(v) => setTreasurer((x) => ({ ...x, name: v }))} error={err('treasurer.name')} required autoFocus maxLength={80} />
            <TextField label={t('wizard.pin')} name="treasurer.pin" type="password" value={treasurer.pin} onChange={(v) => setTreasurer((x) => ({ ...x, pin: v }))} error={err('treasurer.pin')} hint={t('wizard.pinHint')} required />
            <TextField label={t('wizard.pinAgain')} name="pinAgain" type="password" value={treasurer.pinAgain} onChange={(v) => setTreasurer((x) => ({ ...x, pinAgain: v }))} error={pinMismatch === 'treasurer' ? t('wizard.pinMismatch') : undefined} required />
          </>
        ) : null}

        {shownStep === 4 ? (
          <>
            <p>{t('wizard.administratorExplain')}</p>
            <p>{t('wizard.administratorWho')}</p>
            <TextField label={t('administrator.name')} name="administrator.name" value={administrator.name} onChange={(v) => setAdministrator((x) => ({ ...x, name: v }))} error={err('administrator.name') ?? err('administrator')} required autoFocus maxLength={80} />
            <TextField label={t('administrator.pin')} name="administrator.pin" type="password" value={administrator.pin} onChange={(v) => setAdministrator((x) => ({ ...x, pin: v }))} error={err('administrator.pin')} hint={t('wizard.pinHint')} required />
            <TextField label={t('wizard.pinAgain')} name="administratorPinAgain" type="password" value={administrator.pinAgain} onChange={(v) => setAdministrator((x) => ({ ...x, pinAgain: v }))} error={pinMismatch === 'administrator' ? t('wizard.pinMismatch') : undefined} required />
          </>
        ) : null}

        <FormError message={command.errorOutside(Object.keys(STEP_OF_FIELD))} />
        <div className="actions">
          {shownStep > 0 ? (
            <button type="button" className="button button--secondary" onClick={() => setStep(shownStep - 1)}>
              {t('common.back')}
            </button>
          ) : onCancel ? (
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          ) : null}
          <button type="submit" className="button" disabled={command.busy}>
            {shownStep < lastStep ? t('common.next') : t('wizard.create')}
          </button>
        </div>
      </form>
      {/* Below the way on, not in it: setting up the real books stays the first path. */}
      {shownStep === 0 && onPractice ? (
        <aside className="practice-offer" aria-labelledby="practice-offer-title">
          <h2 id="practice-offer-title">{t('practice.offerTitle')}</h2>
          <p>{t('practice.offer')}</p>
          <button type="button" className="button button--secondary" onClick={onPractice}>{t('practice.try')}</button>
        </aside>
      ) : null}
    </main>
  );
}
