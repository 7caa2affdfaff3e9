import type { SqlClient } from '@ledger/event-store';
import { catchUp, SqlEventStore } from '@ledger/event-store';
import { merkleLogProjection, processingActivitiesProjection, ProjectionRunner } from '@ledger/projections';

export const TENANT = 'bench';
/** Each processing activity gets this many events: recorded, then amended (every 20th is retired last). */
export const EVENTS_PER_ACTIVITY = 10;
const EVENTS_PER_STATEMENT = 50_000;
const SEAL_BATCH = 500;
const START = Date.UTC(2025, 0, 1);
/** Events follow each other 30 s apart in the log; one in ten happened 5 days before it was recorded. */
const STEP_S = 30;
const LATE_S = 5 * 86_400;

export interface SeededStore {
  events: number;
  activities: number;
  /** occurredAt and recordedAt of event i, the same formulas as the SQL below. */
  occurredAt(i: number): Date;
}

const activityId = (expr: string) => `'pa-' || lpad((${expr})::text, 8, '0')`;

/**
 * Seeds `events` events of one tenant: `events / 10` processing activities, each recorded then
 * amended nine times (every 20th retired the tenth time), interleaved so that event i is revision
 * i / activities of activity i % activities. The events go into the event store's table with
 * INSERT ... SELECT (appending a million through the command path would take an hour here), the
 * real sealer projection then seals them, and the register's two tables are written by SQL in the
 * shape the projection writes (the current row is the last revision's state; the bench checks that
 * the register read at the head of the log equals the current-state one before timing anything).
 */
export async function seedRegister(sql: SqlClient, events: number, report: (line: string) => void): Promise<SeededStore> {
  const activities = Math.max(1, Math.floor(events / EVENTS_PER_ACTIVITY));
  const total = activities * EVENTS_PER_ACTIVITY;
  const store = await SqlEventStore.open(sql);
  await new ProjectionRunner(sql, store, [merkleLogProjection, processingActivitiesProjection]).migrate();
  const seeded: SeededStore = { events: total, activities, occurredAt: (i) => new Date(START + i * STEP_S * 1000 - (i % 10 === 3 ? LATE_S * 1000 : 0)) };
  const [{ held }] = await sql.query<{ held: string }>('SELECT count(*)::text AS held FROM ledger_events');
  if (Number(held) === total) {
    report(`reusing the ${total} events already seeded`);
    return seeded;
  }
  if (Number(held) !== 0) throw new Error(`the database holds ${held} events, not ${total}: seed another one`);

  for (let from = 0; from < total; from += EVENTS_PER_STATEMENT) {
    const to = Math.min(total, from + EVENTS_PER_STATEMENT) - 1;
    await sql.query(
      `INSERT INTO ledger_events (event_id, tenant_id, stream, revision, type, schema_version, data, metadata, occurred_at, recorded_at, prev_hash, hash)
       SELECT gen_random_uuid(), $1::text, 'processing-activity-' || ${activityId('i % $4::int')}, i / $4::int,
              CASE WHEN i < $4::int THEN 'ProcessingActivityRecorded' WHEN i / $4::int = ${EVENTS_PER_ACTIVITY - 1} AND (i % $4::int) % 20 = 0 THEN 'ProcessingActivityRetired'
                   ELSE 'ProcessingActivityAmended' END,
              1, jsonb_build_object('processingActivityId', ${activityId('i % $4::int')}),
              jsonb_build_object('tenantId', $1::text, 'occurredAt', occurred, 'recordedAt', recorded),
              occurred, recorded, repeat('0', 64), encode(sha256(convert_to(i::text, 'UTF8')), 'hex')
       FROM generate_series($2::int, $3::int) AS i,
            LATERAL (SELECT to_timestamp($5::bigint + i * $6::int) AS recorded) r,
            LATERAL (SELECT r.recorded - make_interval(secs => CASE WHEN i % 10 = 3 THEN $7::int ELSE 0 END) AS occurred) o
       ORDER BY i`,
      [TENANT, from, to, activities, START / 1000, STEP_S, LATE_S],
    );
    report(`events: ${to + 1} of ${total}`);
  }

  let sealed = 0;
  for await (const batch of catchUp(store, null, SEAL_BATCH)) {
    await sql.transaction((tx) => merkleLogProjection.applyBatch(tx, batch));
    sealed += batch.length;
    if (sealed % 100_000 === 0) report(`sealed: ${sealed} of ${total}`);
  }

  // Revision rows as recordRevision writes them: the leaf from the sealer, the row as to_jsonb.
  await sql.query(
    `INSERT INTO rm_processing_activities_revisions (tenant_id, entity_id, revision, leaf_index, position, occurred_at, recorded_at, state)
     SELECT e.tenant_id, e.data->>'processingActivityId', e.revision, l.leaf_index, e.tx_id::text || '.' || e.position, e.occurred_at, e.recorded_at,
            to_jsonb(jsonb_populate_record(NULL::rm_processing_activities, jsonb_build_object(
              'tenant_id', e.tenant_id, 'processing_activity_id', e.data->>'processingActivityId', 'role', 'PROCESSOR',
              'controller_id', 'controller-' || right(e.stream, 8)::int % 50, 'name', (e.data->>'processingActivityId') || ' v' || e.revision,
              'categories_of_processing', '["hosting"]'::jsonb, 'purposes', '[]'::jsonb, 'data_subject_categories', '[]'::jsonb,
              'personal_data_categories', '[]'::jsonb, 'recipient_categories', '[]'::jsonb, 'legal_bases', '[]'::jsonb,
              'transfers', '[{"country": "US", "mechanism": "STANDARD_CONTRACTUAL_CLAUSES"}]'::jsonb,
              'erasure_time_limits', NULL, 'security_measures', 'Encryption at rest',
              'status', CASE WHEN e.type = 'ProcessingActivityRetired' THEN 'RETIRED' ELSE 'IN_FORCE' END,
              'recorded_at', first.occurred_at, 'amended_at', CASE WHEN e.revision = 0 THEN NULL ELSE e.occurred_at END,
              'retired_at', CASE WHEN e.type = 'ProcessingActivityRetired' THEN e.occurred_at END, 'retirement_reason', NULL,
              'last_occurred_at', e.occurred_at, 'stream', e.stream, 'revision', e.revision, 'last_position', e.tx_id::text || '.' || e.position)))
     FROM ledger_events e
     JOIN ledger_merkle_leaves l ON l.event_id = e.event_id
     JOIN ledger_events first ON first.tenant_id = e.tenant_id AND first.stream = e.stream AND first.revision = 0`,
  );
  await sql.query(
    `INSERT INTO rm_processing_activities
     SELECT (jsonb_populate_record(NULL::rm_processing_activities, v.state)).*
     FROM rm_processing_activities_revisions v WHERE v.revision = ${EVENTS_PER_ACTIVITY - 1}`,
  );
  // The runner would resume after the last event rather than replay what the tables already hold.
  await sql.query(
    `INSERT INTO ledger_projection_checkpoints (projection, position)
     SELECT p, (SELECT tx_id::text || '.' || position FROM ledger_events ORDER BY tx_id DESC, position DESC LIMIT 1)
     FROM unnest(ARRAY['merkle-log', 'processing-activities']) AS p`,
  );
  // What autovacuum does to insert-only tables soon after a bulk load: statistics and the visibility map.
  for (const table of ['ledger_events', 'ledger_merkle_leaves', 'ledger_merkle_nodes', 'rm_processing_activities', 'rm_processing_activities_revisions'])
    await sql.query(`VACUUM ANALYZE ${table}`);
  return seeded;
}
