// The made-up group a practice starts from, by country: ten members with names as
// people there are named, their officers, and a cycle's rules in the country's
// currency at amounts a real group there would use. Nobody here is a real person.

import type { CountryCode } from '../locale/places';
import type { RulesInput } from '../cycles/handlers';
import type { GENDERS, MEMBER_ROLES } from '../../../db/schema';

export interface SampleMember {
  readonly fullName: string;
  readonly gender: (typeof GENDERS)[number];
  readonly role: (typeof MEMBER_ROLES)[number];
}

/** Officers first, then members, women and men in turn. */
const ROLES: readonly SampleMember['role'][] = ['chair', 'secretary', 'key_holder', 'key_holder', 'member', 'member', 'member', 'member', 'member', 'member'];

const NAMES: Record<CountryCode, readonly (readonly [string, 'female' | 'male'])[]> = {
  RW: [
    ['Uwimana Claudine', 'female'], ['Habimana Jean Bosco', 'male'], ['Mukandayisenga Alice', 'female'], ['Niyonzima Emmanuel', 'male'],
    ['Ingabire Solange', 'female'], ['Nsengiyumva Pierre', 'male'], ['Mukamana Jeanne', 'female'], ['Twagirayezu Eric', 'male'],
    ['Uwase Diane', 'female'], ['Bizimana Théogène', 'male'],
  ],
  BI: [
    ['Ndayishimiye Claire', 'female'], ['Niyongabo Pascal', 'male'], ['Irakoze Aline', 'female'], ['Nshimirimana Joseph', 'male'],
    ['Ndikumana Godelieve', 'female'], ['Hakizimana Léonidas', 'male'], ['Kaneza Esther', 'female'], ['Bigirimana Fabrice', 'male'],
    ['Iteka Josiane', 'female'], ['Ntakirutimana Alexis', 'male'],
  ],
  CD: [
    ['Furaha Neema', 'female'], ['Amani Baraka', 'male'], ['Mapendo Esther', 'female'], ['Bahati Jean-Claude', 'male'],
    ['Zawadi Riziki', 'female'], ['Mushagalusa Patrick', 'male'], ['Nabintu Solange', 'female'], ['Cirhuza Emmanuel', 'male'],
    ['Byamungu Françoise', 'female'], ['Safari Josué', 'male'],
  ],
  LR: [
    ['Kollie Musu', 'female'], ['Flomo James', 'male'], ['Sumo Comfort', 'female'], ['Kpadeh Joseph', 'male'],
    ['Tokpa Mercy', 'female'], ['Zubah Emmanuel', 'male'], ['Wesseh Martha', 'female'], ['Gbessay Samuel', 'male'],
    ['Dolo Patience', 'female'], ['Saah Francis', 'male'],
  ],
};

export function sampleMembers(country: CountryCode): SampleMember[] {
  return NAMES[country].map(([fullName, gender], i) => ({ fullName, gender, role: ROLES[i]! }));
}

/** A share's price and the social fund per meeting, in the currency's major units (what a group there commonly uses). */
const AMOUNTS: Record<CountryCode, { readonly sharePrice: string; readonly socialFund: string; readonly fine: string }> = {
  RW: { sharePrice: '500', socialFund: '200', fine: '200' },
  BI: { sharePrice: '1000', socialFund: '500', fine: '500' },
  CD: { sharePrice: '2000', socialFund: '500', fine: '500' },
  LR: { sharePrice: '100', socialFund: '20', fine: '20' },
};

/** Weekly meetings buying one to five shares, a small social fund, and loans at 5 % a month over up to six months. */
export function sampleRules(country: CountryCode): RulesInput {
  const a = AMOUNTS[country];
  return {
    savingMode: 'shares', sharePrice: a.sharePrice, minShares: 1, maxShares: 5, socialFund: a.socialFund,
    fineLate: a.fine, fineAbsent: a.fine, meetingFrequency: 'weekly', loanMonthlyRatePercent: '5', loanMaxInstalments: 6,
  };
}
