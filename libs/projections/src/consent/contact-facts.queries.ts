import type { ContactChannel, ContactFact } from '@ledger/domain';
import type { SqlExecutor } from '@ledger/event-store';

/**
 * Every fact about each identifier (keyed hashes) that bears on `channel`, in log order: one
 * query for the whole list, however long, so that a campaign's 10,000 subjects cost one round trip.
 */
export async function findContactFacts(sql: SqlExecutor, tenantId: string, identifierHashes: string[], channel: ContactChannel): Promise<Map<string, ContactFact[]>> {
  const rows = await sql.query<{ identifier_hash: string; event_id: string; kind: ContactFact['kind']; channel: ContactChannel | null; purpose: string | null; occurred_at: Date }>(
    `SELECT identifier_hash, event_id, kind, channel, purpose, occurred_at FROM rm_contact_facts
     WHERE tenant_id = $1 AND identifier_hash = ANY($2::text[]) AND (channel = $3 OR kind = 'ERASURE')
     ORDER BY identifier_hash, seq`,
    [tenantId, identifierHashes, channel],
  );
  const facts = new Map<string, ContactFact[]>(identifierHashes.map((hash) => [hash, []]));
  for (const row of rows)
    facts.get(row.identifier_hash)!.push({ eventId: row.event_id, kind: row.kind, channel: row.channel, purpose: row.purpose, occurredAt: new Date(row.occurred_at) });
  return facts;
}
