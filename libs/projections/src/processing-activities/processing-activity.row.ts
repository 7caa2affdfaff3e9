import { ProcessingActivity } from '@ledger/domain';

/** Domain field -> column; list columns are stored as jsonb. */
export const PROCESSING_ACTIVITY_COLUMNS: ReadonlyArray<readonly [keyof ProcessingActivity, string, 'jsonb' | 'plain']> = [
  ['processingActivityId', 'processing_activity_id', 'plain'],
  ['role', 'role', 'plain'],
  ['controllerId', 'controller_id', 'plain'],
  ['name', 'name', 'plain'],
  ['categoriesOfProcessing', 'categories_of_processing', 'jsonb'],
  ['purposes', 'purposes', 'jsonb'],
  ['dataSubjectCategories', 'data_subject_categories', 'jsonb'],
  ['personalDataCategories', 'personal_data_categories', 'jsonb'],
  ['recipientCategories', 'recipient_categories', 'jsonb'],
  ['legalBases', 'legal_bases', 'jsonb'],
  ['transfers', 'transfers', 'jsonb'],
  ['erasureTimeLimits', 'erasure_time_limits', 'plain'],
  ['securityMeasures', 'security_measures', 'plain'],
  ['status', 'status', 'plain'],
  ['recordedAt', 'recorded_at', 'plain'],
  ['amendedAt', 'amended_at', 'plain'],
  ['retiredAt', 'retired_at', 'plain'],
  ['retirementReason', 'retirement_reason', 'plain'],
  ['lastOccurredAt', 'last_occurred_at', 'plain'],
];

export interface ProcessingActivityRow {
  [column: string]: unknown;
  tenant_id: string;
  stream: string;
  revision: number;
  last_position: string;
}

export interface ProcessingActivityRecord extends ProcessingActivity {
  stream: string;
  revision: number;
}

export function processingActivityFromRow(row: ProcessingActivityRow): ProcessingActivityRecord {
  const record: Record<string, unknown> = { stream: row.stream, revision: row.revision };
  for (const [field, column] of PROCESSING_ACTIVITY_COLUMNS) record[field] = row[column];
  return record as unknown as ProcessingActivityRecord;
}

export function processingActivityValues(activity: ProcessingActivity): unknown[] {
  return PROCESSING_ACTIVITY_COLUMNS.map(([field, , kind]) => (kind === 'jsonb' ? JSON.stringify(activity[field]) : activity[field]));
}
