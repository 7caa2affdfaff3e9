import { instructionStream } from '@ledger/domain';
import type { SqlClient } from '@ledger/event-store';
import { allProjections } from '@ledger/projections';

export interface AcknowledgedCheck {
  acknowledged: number;
  found: number;
  duplicates: number;
  missing: string[];
}

/**
 * Every instruction the service acknowledged is in the store exactly once: one InstructionReceived,
 * and one InstructionAcknowledged where that was acknowledged too (none twice).
 */
export async function checkAcknowledged(sql: SqlClient, acknowledged: Map<string, number>): Promise<AcknowledgedCheck> {
  const rows = await sql.query<{ stream: string; received: number; acks: number }>(
    `SELECT stream, count(*) FILTER (WHERE type = 'InstructionReceived')::int AS received,
            count(*) FILTER (WHERE type = 'InstructionAcknowledged')::int AS acks
       FROM ledger_events WHERE stream LIKE 'instruction-%' GROUP BY stream`,
  );
  const byStream = new Map(rows.map((row) => [row.stream, row]));
  const check: AcknowledgedCheck = { acknowledged: 0, found: 0, duplicates: 0, missing: [] };
  for (const [id, revision] of acknowledged) {
    check.acknowledged += 1 + revision;
    const row = byStream.get(instructionStream(id));
    if (!row || row.received === 0 || row.acks < revision) check.missing.push(id);
    check.found += Math.min(row?.received ?? 0, 1) + Math.min(row?.acks ?? 0, revision);
  }
  for (const row of rows) check.duplicates += Math.max(0, row.received - 1) + Math.max(0, row.acks - 1);
  return check;
}

/** Every read model's rows (the Merkle tree included), in a stable order: what a rebuild must reproduce. */
export async function dumpReadModels(sql: SqlClient): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const projection of allProjections)
    for (const table of projection.tables) {
      const rows = await sql.query(`SELECT * FROM ${table}`);
      dump[table] = rows.map((row) => JSON.stringify(row, (_key, value) => (typeof value === 'bigint' ? value.toString() : value))).sort();
    }
  return dump;
}
