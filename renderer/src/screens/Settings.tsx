// Settings: the language, the association's details, people and access, this
// association's backups, the ledger file, and — on books from before there was one —
// naming the laptop's administrator (who adds associations and keeps the whole file).

import { ExchangeExport } from '../components/ExchangeExport';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, LedgerFileInfo, WhoIsSignedIn } from '../../../electron/server/contract';
import { Users } from './Users';
import { Backups } from './Backups';
import { ChangePin } from './ChangePin';
import { ChoiceField, FormError, TextField } from '../components/fields';
import { PlaceFields } from '../components/PlaceFields';
import { isCountryCode } from '../../../electron/server/locale/places';
import { NameAdministrator } from '../components/NameAdministrator';
import { useCommand, useLanguage, useQuery } from '../hooks';
import { LANGUAGES } from '../i18n';
import { ledger } from '../api';

interface SettingsProps {
  readonly association: AssociationView;
  readonly who: WhoIsSignedIn;
  readonly onChanged: (association: AssociationView) => void;
  /** This association's books were restored from a backup: everyone signs in again. */
  readonly onRestored: (notice: string) => void;
  readonly onLedgerSwitched: () => void;
}

const EDITABLE = ['name', 'registrationNo'] as const;
const PLACE_FIELDS = ['province', 'district', 'sector', 'cell', 'village'] as const;

export function Settings({ association, who, onChanged, onRestored, onLedgerSwitched }: SettingsProps) {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  const command = useCommand();
  const [saved, setSaved] = useState(false);
  const [info, setInfo] = useState<LedgerFileInfo | null>(null);
  const { data: administrators, reload: reloadAdministrators } = useQuery('administrator-list', {}, []);
  const [namedAdministrator, setNamedAdministrator] = useState<string | null>(null);
  const [form, setForm] = useState({
    name: association.name,
    registrationNo: association.registrationNo ?? '',
    province: association.province,
    district: association.district,
    sector: association.sector,
    cell: association.cell,
    village: association.village,
  });
  useEffect(() => {
    void ledger.info().then(setInfo);
  }, []);
  const set = (key: keyof typeof form) => (value: string) => {
    setSaved(false);
    setForm((f) => ({ ...f, [key]: value }));
  };

  async function save() {
    // The place goes with the name only when it was corrected (the server then checks it whole).
    const placeChanged = PLACE_FIELDS.some((key) => form[key] !== association[key]);
    const { province, district, sector, cell, village, ...details } = form;
    const updated = await command.run('association-update', { associationId: association.id, ...details, ...(placeChanged ? { province, district, sector, cell, village } : {}) });
    if (updated) {
      setSaved(true);
      onChanged(updated);
    }
  }

  async function openAnother() {
    const opened = await ledger.openAnother();
    if (opened) onLedgerSwitched();
  }

  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t('nav.settings')}</h1>

      <h2>{t('settings.language')}</h2>
      <ChoiceField legend={t('settings.languageQuestion')} name="ui-language" value={language} onChange={(v) => setLanguage(v as typeof language)} options={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))} />

      <ChangePin association={association} />

      {who.can.manageUsers ? <Users association={association} who={who} /> : null}

      {who.can.manageUsers ? <Backups association={association} onRestored={onRestored} /> : null}
      {association.readOnly ? null : <ExchangeExport association={association} canExport={who.can.manageUsers} />}

      {who.can.manageUsers && (namedAdministrator || administrators?.length === 0) ? (
        <>
          <h2>{t('administrator.nameTitle')}</h2>
          {namedAdministrator ? (
            <p className="notice" role="status">{t('administrator.named', { name: namedAdministrator })}</p>
          ) : (
            <>
              <p>{t('administrator.nameExplain')}</p>
              <p>{t('wizard.administratorExplain')}</p>
              <NameAdministrator
                onNamed={(a) => {
                  setNamedAdministrator(a.name);
                  reloadAdministrators();
                }}
              />
            </>
          )}
        </>
      ) : null}

      <h2>{t('settings.association')}</h2>
      {association.readOnly ? (
        <p className="notice">{t('settings.readOnly')}</p>
      ) : !who.can.record ? (
        <p>{association.name}</p>
      ) : (
        <form
          className="settings-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {EDITABLE.map((key) => (
            <TextField
              key={key}
              label={t(`association.${key}`)}
              name={key}
              value={form[key]}
              onChange={set(key)}
              error={command.fieldErrors[key]}
              required={key !== 'registrationNo'}
            />
          ))}
          {isCountryCode(association.country) ? (
            <>
              <p className="muted" data-testid="settings-country">{t('association.countryIs', { country: t(`country.${association.country}`) })}</p>
              <PlaceFields country={association.country} language={language} place={form} errors={command.fieldErrors} onChange={(place) => {
                setSaved(false);
                setForm((f) => ({ ...f, ...place }));
              }} />
            </>
          ) : null}
          <FormError message={command.errorOutside([...EDITABLE, ...PLACE_FIELDS])} />
          {saved ? <p className="notice" role="status">{t('settings.saved')}</p> : null}
          <div className="actions">
            <button type="submit" className="button" disabled={command.busy}>{t('common.save')}</button>
          </div>
        </form>
      )}

      <h2>{t('settings.ledgerFile')}</h2>
      <p>{t('settings.ledgerFileExplain')}</p>
      {info ? <p className="file-path">{info.file}</p> : null}
      {info?.canOpenAnother ? (
        <div className="actions actions--start">
          <button type="button" className="button button--secondary" onClick={() => void openAnother()}>{t('settings.openAnother')}</button>
        </div>
      ) : null}
      <p className="muted">{t('administrator.addsAssociations')}</p>
    </section>
  );
}
