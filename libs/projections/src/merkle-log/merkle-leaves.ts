import { SqlExecutor } from '@ledger/event-store';

/** Event ids are UUIDs; anything else (client input) cannot be a leaf, and must not reach the uuid cast. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The leaf index of each of these events of the tenant that is sealed; unsealed ones, and ids that are not UUIDs, are absent. */
export async function leafIndexes(sql: SqlExecutor, tenantId: string, eventIds: string[]): Promise<Map<string, number>> {
  const wanted = eventIds.filter((id) => UUID.test(id));
  if (wanted.length === 0) return new Map();
  const rows = await sql.query<{ event_id: string; leaf_index: string }>(
    `SELECT event_id::text AS event_id, leaf_index::text AS leaf_index FROM ledger_merkle_leaves
     WHERE tenant_id = $1 AND event_id = ANY(SELECT jsonb_array_elements_text($2::jsonb)::uuid)`,
    [tenantId, JSON.stringify(wanted)],
  );
  return new Map(rows.map((r) => [r.event_id, Number(r.leaf_index)]));
}
