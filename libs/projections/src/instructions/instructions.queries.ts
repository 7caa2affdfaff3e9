import { SqlExecutor } from '@ledger/event-store';
import { keyAfter, Page, pageOf, PageRequest } from '../pagination';
import { readAtPoint, PointInTime, pointOf } from '../point-in-time/point-in-time';
import { registerSource } from '../point-in-time/register-source';
import { instructionFromRow, InstructionRecord, InstructionRow } from './instruction.row';

export interface InstructionFilter extends PageRequest, PointInTime {
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

/** Instructions in the order the ledger received them (ids are UUIDv7), one page after the cursor; at `asOf` / `knownAt` if asked. */
export async function listInstructions(sql: SqlExecutor, tenantId: string, filter: InstructionFilter): Promise<Page<InstructionRecord>> {
  const point = await pointOf(sql, filter);
  return readAtPoint(sql, point, async () => {
    const source = registerSource(sql, { table: 'rm_instructions', key: 'instruction_id' }, point, 6, { status: 'text' });
    const returned = await sql.query(
      `SELECT ${source.select} FROM ${source.from}
       WHERE ${source.tenant} = $1
         AND ($2::text IS NULL OR ${source.fixed}.controller_id = $2)
         AND ($3::text IS NULL OR s.status = $3)
         AND ($4::text IS NULL OR ${source.key} > $4)
       ORDER BY ${source.key}
       LIMIT $5`,
      [tenantId, filter.controllerId ?? null, filter.status ?? null, keyAfter(filter), filter.first + 1, ...source.params],
    );
    return pageOf(await source.rows<InstructionRow>(returned), filter, instructionFromRow, (node) => node.instructionId);
  });
}
