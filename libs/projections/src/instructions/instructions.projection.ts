import { Instruction, InstructionEvent, InstructionEvents, instructionDecider, InstructionState } from '@ledger/domain';
import { RecordedEvent, SqlExecutor } from '@ledger/event-store';
import { applyEvolvedRow } from '../evolved-row';
import { revisionsIndexMigration, revisionsMigration, revisionsOf } from '../point-in-time/revisions';
import { Projection } from '../projection';
import { instructionFromRow, InstructionRow } from './instruction.row';


/**
 * The instructions register: one row per instruction, current state. The row is the domain's
 * own `evolve` applied to the previous row, so the register cannot drift from the decider.
 */
export const instructionsProjection: Projection = {
  name: 'instructions',
  tables: ['rm_instructions', revisionsOf('rm_instructions')],
  migrations: [
    {
      version: 1,
      statements: [
        `CREATE TABLE rm_instructions (
          tenant_id text NOT NULL,
          instruction_id text NOT NULL,
          controller_id text NOT NULL,
          subject text NOT NULL,
          text text NOT NULL,
          channel text NOT NULL,
          document_sha256 text,
          status text NOT NULL,
          received_at timestamptz NOT NULL,
          acknowledged_at timestamptz,
          flagged_as_infringing_at timestamptz,
          infringement_reason text,
          superseded_by text,
          superseded_at timestamptz,
          withdrawn_at timestamptz,
          withdrawal_reason text,
          last_occurred_at timestamptz NOT NULL,
          stream text NOT NULL,
          revision int NOT NULL,
          last_position text NOT NULL,
          PRIMARY KEY (tenant_id, instruction_id)
        )`,
        `CREATE INDEX rm_instructions_by_controller ON rm_instructions (tenant_id, controller_id, instruction_id)`,
        `CREATE INDEX rm_instructions_by_status ON rm_instructions (tenant_id, status, instruction_id)`,
      ],
    },
    revisionsMigration(2, 'instructions', [{ table: 'rm_instructions', key: 'instruction_id' }]),
    revisionsIndexMigration(3, [{ table: 'rm_instructions', key: 'instruction_id' }]),
  ],

  apply: applyEvolvedRow<InstructionState, InstructionEvent, InstructionRow>({
    events: InstructionEvents,
    decider: instructionDecider,
    table: 'rm_instructions',
    key: 'instruction_id',
    revisions: true,
    keyOf: (event) => event.data.instructionId,
    fromRow: instructionFromRow,
    save: upsert,
  }),
};

async function upsert(tx: SqlExecutor, tenantId: string, i: Instruction, recorded: RecordedEvent): Promise<void> {
  await tx.query(
    `INSERT INTO rm_instructions (tenant_id, instruction_id, controller_id, subject, text, channel, document_sha256, status,
       received_at, acknowledged_at, flagged_as_infringing_at, infringement_reason, superseded_by, superseded_at,
       withdrawn_at, withdrawal_reason, last_occurred_at, stream, revision, last_position)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
     ON CONFLICT (tenant_id, instruction_id) DO UPDATE SET
       status = EXCLUDED.status, acknowledged_at = EXCLUDED.acknowledged_at,
       flagged_as_infringing_at = EXCLUDED.flagged_as_infringing_at, infringement_reason = EXCLUDED.infringement_reason,
       superseded_by = EXCLUDED.superseded_by, superseded_at = EXCLUDED.superseded_at, withdrawn_at = EXCLUDED.withdrawn_at,
       withdrawal_reason = EXCLUDED.withdrawal_reason, last_occurred_at = EXCLUDED.last_occurred_at,
       revision = EXCLUDED.revision, last_position = EXCLUDED.last_position`,
    [
      tenantId,
      i.instructionId,
      i.controllerId,
      i.subject,
      i.text,
      i.channel,
      i.documentSha256,
      i.status,
      i.receivedAt,
      i.acknowledgedAt,
      i.flaggedAsInfringingAt,
      i.infringementReason,
      i.supersededBy,
      i.supersededAt,
      i.withdrawnAt,
      i.withdrawalReason,
      i.lastOccurredAt,
      recorded.stream,
      recorded.revision,
      recorded.position,
    ],
  );
}
