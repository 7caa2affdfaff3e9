import type { ProcessingRole } from '@ledger/domain';
import type { ExportedActivity } from './register-document';

export interface RegisterColumn {
  header: string;
  /** The provision the column answers, printed under its header. */
  article: string;
  cell(activity: ExportedActivity): string;
}

const ERASED = '[erased]';

function isErased(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { erased?: unknown }).erased === true;
}

/** A cell as a person reads it: lists joined, transfers with their safeguard, erased data marked. */
function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isErased(value)) return ERASED;
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join('; ');
  if (typeof value === 'object') {
    const { country, mechanism } = value as { country?: unknown; mechanism?: unknown };
    if (country !== undefined) return `${text(country)} (${text(mechanism)})`;
    return JSON.stringify(value);
  }
  return String(value);
}

const column = (header: string, article: string, field: string): RegisterColumn => ({ header, article, cell: (a) => text(a[field]) });

const identity = [column('Processing activity', 'record id', 'processingActivityId'), column('Name', '', 'name')];
const evidence = [
  column('Recorded', 'occurredAt', 'recordedAt'),
  column('Last amended', 'occurredAt', 'amendedAt'),
  { header: 'Evidence', article: 'stream@revision', cell: (a: ExportedActivity) => `${a.stream}@${a.revision}` },
];

/** The columns of each record of Art. 30, in the order of the article (GDPR-RULES.md). */
export const REGISTER_COLUMNS: Record<ProcessingRole, RegisterColumn[]> = {
  PROCESSOR: [
    ...identity,
    column('Controller', 'Art. 30(2)(a)', 'controllerId'),
    column('Categories of processing', 'Art. 30(2)(b)', 'categoriesOfProcessing'),
    column('Transfers to third countries and safeguards', 'Art. 30(2)(c)', 'transfers'),
    column('Security measures', 'Art. 30(2)(d)', 'securityMeasures'),
    ...evidence,
  ],
  CONTROLLER: [
    ...identity,
    column('Purposes', 'Art. 30(1)(b)', 'purposes'),
    column('Categories of data subjects', 'Art. 30(1)(c)', 'dataSubjectCategories'),
    column('Categories of personal data', 'Art. 30(1)(c)', 'personalDataCategories'),
    column('Categories of recipients', 'Art. 30(1)(d)', 'recipientCategories'),
    column('Legal bases', 'Art. 6(1)', 'legalBases'),
    column('Transfers to third countries and safeguards', 'Art. 30(1)(e)', 'transfers'),
    column('Erasure time limits', 'Art. 30(1)(f)', 'erasureTimeLimits'),
    column('Security measures', 'Art. 30(1)(g)', 'securityMeasures'),
    ...evidence,
  ],
};
