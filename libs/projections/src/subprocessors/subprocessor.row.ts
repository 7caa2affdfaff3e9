import { ControllerDecision, Subprocessor, SubprocessorStatus, SubprocessorTransferMechanism } from '@ledger/domain';

export interface SubprocessorRow {
  [column: string]: unknown;
  tenant_id: string;
  subprocessor_id: string;
  name: string;
  service: string;
  location: string;
  transfer_mechanism: string;
  status: string;
  proposed_at: Date;
  removed_at: Date | null;
  removal_reason: string | null;
  last_occurred_at: Date;
  stream: string;
  revision: number;
  last_position: string;
}

/** One controller's objection, approval or engagement of one sub-processor. */
export interface SubprocessorControllerRow {
  [column: string]: unknown;
  tenant_id: string;
  subprocessor_id: string;
  controller_id: string;
  objected_at: Date | null;
  objection_reason: string | null;
  approved_at: Date | null;
  engaged_at: Date | null;
}

export interface SubprocessorRecord extends Subprocessor {
  stream: string;
  revision: number;
}

function decisionFromRow(row: SubprocessorControllerRow): ControllerDecision {
  return { objectedAt: row.objected_at, objectionReason: row.objection_reason, approvedAt: row.approved_at, engagedAt: row.engaged_at };
}

export function subprocessorFromRows(row: SubprocessorRow, controllers: SubprocessorControllerRow[]): SubprocessorRecord {
  return {
    subprocessorId: row.subprocessor_id,
    name: row.name,
    service: row.service,
    location: row.location,
    transferMechanism: row.transfer_mechanism as SubprocessorTransferMechanism,
    status: row.status as SubprocessorStatus,
    proposedAt: row.proposed_at,
    removedAt: row.removed_at,
    removalReason: row.removal_reason,
    controllers: Object.fromEntries(controllers.map((c) => [c.controller_id, decisionFromRow(c)])),
    lastOccurredAt: row.last_occurred_at,
    stream: row.stream,
    revision: row.revision,
  };
}
