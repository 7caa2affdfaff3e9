import { DeadlineAgreementTerms, DeadlineKind, Obligation } from '@ledger/domain';

export interface DeadlineRow {
  [column: string]: unknown;
  tenant_id: string;
  obligation_id: string;
  kind: string;
  stream: string;
  controller_id: string;
  started_at: Date;
  due_at: Date;
  extension_months: number;
  met_at: Date | null;
  met_by_event_id: string | null;
  source_event_ids: string[];
  last_position: string;
}

export function obligationFromRow(row: DeadlineRow): Obligation {
  return {
    obligationId: row.obligation_id,
    kind: row.kind as DeadlineKind,
    stream: row.stream,
    controllerId: row.controller_id,
    startedAt: row.started_at,
    dueAt: row.due_at,
    extensionMonths: row.extension_months,
    metAt: row.met_at,
    metByEventId: row.met_by_event_id,
    sourceEventIds: row.source_event_ids,
  };
}

export interface DeadlineAgreementRow {
  [column: string]: unknown;
  controller_id: string;
  terms: Omit<DeadlineAgreementTerms, 'periods'> & { periods: Array<{ effectiveFrom: string; effectiveUntil: string | null }> };
}

/** Terms are kept as JSON: its dates come back as strings. */
export function termsFromRow({ terms }: DeadlineAgreementRow): DeadlineAgreementTerms {
  const periods = terms.periods.map((p) => ({ effectiveFrom: new Date(p.effectiveFrom), effectiveUntil: p.effectiveUntil ? new Date(p.effectiveUntil) : null }));
  return { ...terms, periods };
}
