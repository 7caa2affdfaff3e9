import { AgreementPeriod, Art28Clause, DataProcessingAgreement, DpaStatus, SubprocessorAuthorisation } from '@ledger/domain';

export interface DpaRow {
  [column: string]: unknown;
  tenant_id: string;
  controller_id: string;
  controller_name: string;
  agreement_number: number;
  status: string;
  signed_at: Date;
  effective_from: Date;
  effective_until: Date | null;
  last_amended_at: Date | null;
  clauses: Art28Clause[];
  subprocessor_authorisation: string;
  objection_window_days: number;
  breach_notification_hours: number;
  data_returned_at: Date | null;
  data_deleted_at: Date | null;
  previous_agreements: Array<{ effectiveFrom: string; effectiveUntil: string | null }>;
  last_occurred_at: Date;
  stream: string;
  revision: number;
  last_position: string;
}

export interface DpaRecord extends DataProcessingAgreement {
  stream: string;
  revision: number;
}

function periodFromJson({ effectiveFrom, effectiveUntil }: DpaRow['previous_agreements'][number]): AgreementPeriod {
  return { effectiveFrom: new Date(effectiveFrom), effectiveUntil: effectiveUntil === null ? null : new Date(effectiveUntil) };
}

export function dpaFromRow(row: DpaRow): DpaRecord {
  return {
    controllerId: row.controller_id,
    controllerName: row.controller_name,
    agreementNumber: row.agreement_number,
    status: row.status as DpaStatus,
    signedAt: row.signed_at,
    effectiveFrom: row.effective_from,
    effectiveUntil: row.effective_until,
    lastAmendedAt: row.last_amended_at,
    clauses: row.clauses,
    subprocessorAuthorisation: row.subprocessor_authorisation as SubprocessorAuthorisation,
    objectionWindowDays: row.objection_window_days,
    breachNotificationHours: row.breach_notification_hours,
    dataReturnedAt: row.data_returned_at,
    dataDeletedAt: row.data_deleted_at,
    previousAgreements: row.previous_agreements.map(periodFromJson),
    lastOccurredAt: row.last_occurred_at,
    stream: row.stream,
    revision: row.revision,
  };
}
