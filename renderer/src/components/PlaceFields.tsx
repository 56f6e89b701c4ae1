// Where an association meets, asked by its country's own levels: Rwanda's province and
// district from lists, then sector, cell and village; Burundi's province from the list,
// then commune, zone and colline; and so on (locale/places.ts). Used by the wizard and
// the association's settings.

import { useTranslation } from 'react-i18next';
import { placeLevels, type CountryCode, type PlaceColumn } from '../../../electron/server/locale/places';
import type { UiLocale } from '../../../electron/server/locale/numbers';
import { SelectField, TextField } from './fields';
import { firstLevelOptions, secondLevelOptions } from '../location';

export type Place = Record<PlaceColumn, string>;

interface PlaceFieldsProps {
  readonly country: CountryCode;
  readonly language: UiLocale;
  readonly place: Place;
  readonly onChange: (place: Place) => void;
  readonly errors: Readonly<Record<string, string | undefined>>;
}

export function PlaceFields({ country, language, place, onChange, errors }: PlaceFieldsProps) {
  const { t } = useTranslation();
  const set = (column: PlaceColumn, value: string) => onChange({ ...place, [column]: value, ...(column === 'province' ? { district: secondLevelOptions(country, value) ? '' : place.district } : {}) });
  return (
    <>
      {placeLevels(country).map(({ key, column }) => {
        const label = t(`place.${country}.${key}`);
        const listed = column === 'province' ? firstLevelOptions(country, language, place.province) : column === 'district' ? secondLevelOptions(country, place.province) : null;
        return listed ? (
          <SelectField key={column} label={label} name={column} value={place[column]} onChange={(v) => set(column, v)} error={errors[column]} required placeholder={t('common.choose')} options={listed} />
        ) : (
          <TextField key={column} label={label} name={column} value={place[column]} onChange={(v) => set(column, v)} error={errors[column]} required maxLength={100} />
        );
      })}
    </>
  );
}
