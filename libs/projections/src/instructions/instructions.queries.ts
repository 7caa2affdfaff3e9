import { SqlExecutor } from '@ledger/event-store';
import { keyAfter, Page, pageOf, PageRequest } from '../pagination';
import { instructionFromRow, InstructionRecord, InstructionRow } from './instruction.row';

export interface InstructionFilter extends PageRequest {
  controllerId?: string | null;
  status?: string | null;
}

export async function findInstruction(sql: SqlExecutor, tenantId: string, instructionId: string): Promise<InstructionRecord | null> {
  const [row] = await sql.query<InstructionRow>('SELECT * FROM rm_instructions WHERE tenant_id = $1 AND instruction_id = $2', [
    tenantId,
    instructionId,
  ]);
  return row ? instructionFromRow(row) : null;
}

/** Instructions in the order the ledger received them (ids are UUIDv7), one page after the cursor. */
export async function listInstructions(sql: SqlExecutor, tenantId: string, filter: InstructionFilter): Promise<Page<InstructionRecord>> {
  const rows = await sql.query<InstructionRow>(
    `SELECT * FROM rm_instructions
     WHERE tenant_id = $1
       AND ($2::text IS NULL OR controller_id = $2)
       AND ($3::text IS NULL OR status = $3)
       AND ($4::text IS NULL OR instruction_id > $4)
     ORDER BY instruction_id
     LIMIT $5`,
    [tenantId, filter.controllerId ?? null, filter.status ?? null, keyAfter(filter), filter.first + 1],
  );
  return pageOf(rows, filter, instructionFromRow, (node) => node.instructionId);
}
