import { DomainError, EEA_COUNTRIES, requireText, TRANSFER_MECHANISMS } from '../shared';
import { ProcessingActivityDetailsInput } from './processing-activity.commands';
import {
  LEGAL_BASES,
  LegalBasis,
  ProcessingActivityDetails,
  ProcessingRole,
  ThirdCountryTransfer,
} from './processing-activity.events';

type ListColumn = 'categoriesOfProcessing' | 'purposes' | 'dataSubjectCategories' | 'personalDataCategories' | 'recipientCategories';
type Column = ListColumn | 'legalBases' | 'erasureTimeLimits';

/** What each paragraph of Art. 30 requires, and which columns belong to the other paragraph only. */
const VARIANTS: Record<ProcessingRole, { article: string; required: Array<[Column, string]>; foreign: Column[] }> = {
  PROCESSOR: {
    article: 'Art. 30(2)',
    required: [['categoriesOfProcessing', 'Art. 30(2)(b)']],
    foreign: ['purposes', 'dataSubjectCategories', 'personalDataCategories', 'recipientCategories', 'legalBases', 'erasureTimeLimits'],
  },
  CONTROLLER: {
    article: 'Art. 30(1)',
    required: [
      ['purposes', 'Art. 30(1)(b)'],
      ['dataSubjectCategories', 'Art. 30(1)(c)'],
      ['personalDataCategories', 'Art. 30(1)(c)'],
      ['recipientCategories', 'Art. 30(1)(d)'],
      ['legalBases', 'Art. 6(1)'],
    ],
    foreign: ['categoriesOfProcessing'],
  },
};

function list(values: string[] | null | undefined): string[] {
  return [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))];
}

function text(value: string | null | undefined): string | null {
  return value?.trim() || null;
}

function transfers(given: ProcessingActivityDetailsInput['transfers']): ThirdCountryTransfer[] {
  return (given ?? []).map(({ country, mechanism }) => {
    const code = country.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(code))
      throw new DomainError(`transfer country ${country} is not an ISO 3166-1 alpha-2 code`, 'BAD_USER_INPUT', 'transfers');
    if (EEA_COUNTRIES.has(code))
      throw new DomainError(`${code} is in the EEA: sending data there is not a transfer to a third country`, 'BAD_USER_INPUT', 'transfers');
    if (!TRANSFER_MECHANISMS.includes(mechanism))
      throw new DomainError(`the transfer to ${code} needs a safeguard: one of ${TRANSFER_MECHANISMS.join(', ')}`, 'BAD_USER_INPUT', 'transfers');
    return { country: code, mechanism };
  });
}

function legalBases(given: LegalBasis[] | null | undefined): LegalBasis[] {
  const bases = [...new Set(given ?? [])];
  const unknown = bases.find((b) => !LEGAL_BASES.includes(b));
  if (unknown) throw new DomainError(`${unknown} is not an Art. 6(1) lawful basis`, 'BAD_USER_INPUT', 'legalBases');
  return bases;
}

function isFilled(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : value !== null;
}

/**
 * Normalises the columns (trimmed, without blanks or repeats) and checks that the record holds
 * what its paragraph of Art. 30 requires, and nothing of the other paragraph.
 */
export function registerColumns(role: ProcessingRole, given: ProcessingActivityDetailsInput): ProcessingActivityDetails {
  const details: ProcessingActivityDetails = {
    name: requireText(given.name, 'name'),
    categoriesOfProcessing: list(given.categoriesOfProcessing),
    purposes: list(given.purposes),
    dataSubjectCategories: list(given.dataSubjectCategories),
    personalDataCategories: list(given.personalDataCategories),
    recipientCategories: list(given.recipientCategories),
    legalBases: legalBases(given.legalBases),
    transfers: transfers(given.transfers),
    erasureTimeLimits: text(given.erasureTimeLimits),
    securityMeasures: text(given.securityMeasures),
  };
  const variant = VARIANTS[role];
  for (const [column, article] of variant.required)
    if (!isFilled(details[column]))
      throw new DomainError(`${column} is required in the ${role.toLowerCase()}'s record (${article})`, 'BAD_USER_INPUT', column);
  for (const column of variant.foreign)
    if (isFilled(details[column]))
      throw new DomainError(`${column} is not a column of the ${role.toLowerCase()}'s record (${variant.article})`, 'BAD_USER_INPUT', column);
  return details;
}

const COLUMNS: ReadonlyArray<keyof ProcessingActivityDetails> = [
  'name',
  'categoriesOfProcessing',
  'purposes',
  'dataSubjectCategories',
  'personalDataCategories',
  'recipientCategories',
  'legalBases',
  'transfers',
  'erasureTimeLimits',
  'securityMeasures',
];

export function sameColumns(a: ProcessingActivityDetails, b: ProcessingActivityDetails): boolean {
  return COLUMNS.every((column) => JSON.stringify(a[column]) === JSON.stringify(b[column]));
}
