import { DataSubjectRequest, DataSubjectRequestReceivedData, DataSubjectRequestStatus, DataSubjectRight } from '@ledger/domain';

export interface DataSubjectRequestRow {
  [column: string]: unknown;
  tenant_id: string;
  request_id: string;
  controller_id: string;
  request_type: string;
  /** The requester as the event stores it, sealed under the subject's key: never plaintext. */
  requester: DataSubjectRequestReceivedData['requester'];
  status: string;
  received_at: Date;
  forwarded_at: Date | null;
  extension_months: number;
  extension_reasons: string[];
  due_at: Date;
  completed_at: Date | null;
  refused_at: Date | null;
  refusal_reason: string | null;
  answered_late: boolean | null;
  last_occurred_at: Date;
  stream: string;
  revision: number;
  last_position: string;
}

export interface DataSubjectRequestRecord extends DataSubjectRequest {
  stream: string;
  revision: number;
}

export function dataSubjectRequestFromRow(row: DataSubjectRequestRow): DataSubjectRequestRecord {
  return {
    requestId: row.request_id,
    controllerId: row.controller_id,
    requestType: row.request_type as DataSubjectRight,
    requester: row.requester,
    status: row.status as DataSubjectRequestStatus,
    receivedAt: row.received_at,
    forwardedAt: row.forwarded_at,
    extensionMonths: row.extension_months,
    extensionReasons: row.extension_reasons,
    dueAt: row.due_at,
    completedAt: row.completed_at,
    refusedAt: row.refused_at,
    refusalReason: row.refusal_reason,
    answeredLate: row.answered_late,
    lastOccurredAt: row.last_occurred_at,
    stream: row.stream,
    revision: row.revision,
  };
}
