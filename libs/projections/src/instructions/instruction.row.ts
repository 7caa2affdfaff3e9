import { Instruction, InstructionChannel, InstructionStatus } from '@ledger/domain';

export interface InstructionRow {
  [column: string]: unknown;
  tenant_id: string;
  instruction_id: string;
  controller_id: string;
  subject: string;
  text: string;
  channel: string;
  document_sha256: string | null;
  status: string;
  received_at: Date;
  acknowledged_at: Date | null;
  flagged_as_infringing_at: Date | null;
  infringement_reason: string | null;
  superseded_by: string | null;
  superseded_at: Date | null;
  withdrawn_at: Date | null;
  withdrawal_reason: string | null;
  last_occurred_at: Date;
  stream: string;
  revision: number;
  last_position: string;
}

export interface InstructionRecord extends Instruction {
  stream: string;
  revision: number;
}

export function instructionFromRow(row: InstructionRow): InstructionRecord {
  return {
    instructionId: row.instruction_id,
    controllerId: row.controller_id,
    subject: row.subject,
    text: row.text,
    channel: row.channel as InstructionChannel,
    documentSha256: row.document_sha256,
    status: row.status as InstructionStatus,
    receivedAt: row.received_at,
    acknowledgedAt: row.acknowledged_at,
    flaggedAsInfringingAt: row.flagged_as_infringing_at,
    infringementReason: row.infringement_reason,
    supersededBy: row.superseded_by,
    supersededAt: row.superseded_at,
    withdrawnAt: row.withdrawn_at,
    withdrawalReason: row.withdrawal_reason,
    lastOccurredAt: row.last_occurred_at,
    stream: row.stream,
    revision: row.revision,
  };
}
