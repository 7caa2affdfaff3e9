import { EventStore, NO_STREAM, openSqlClient, type RecordedEvent } from '@ledger/event-store';
import { ApiHarness, eventually, runLedgerCli, startApi, storagesUnderTest } from '@ledger/testing';
import { EVENT_STORE } from '@ledger/api/ledger/ledger.tokens';

const STREAMS = 30;
const EVENTS = 300;
const TAMPERED = 100;

const context = (i: number) => ({
  tenantId: 'default',
  actor: { id: 'system', role: 'processor', keyId: null },
  commandId: `tamper-${i}`,
  correlationId: 't',
  causationId: 't',
});

/** `count` distinct indexes below `size`, in random order. */
function pick(count: number, size: number): number[] {
  const all = Array.from({ length: size }, (_, i) => i);
  for (let i = size - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, count);
}

/** Every event `ledger verify --store` names as tampered, from its stderr. */
const namedEvents = (stderr: string) => [...stderr.matchAll(/^tampered: event ([0-9a-f-]{36}) /gm)].map((m) => m[1]);

describe.each(storagesUnderTest())('ledger verify --store on the $name store', (storage) => {
  it('passes an untouched store, then names the one event whose data was changed with SQL', async () => {
    const prepared = await storage.config();
    const { config } = prepared;
    const env = { LEDGER_DATA_DIR: config.dataDir, DATABASE_URL: config.databaseUrl ?? '' };
    let api: ApiHarness | undefined = await startApi(config);
    try {
      const store = api.app.get<EventStore>(EVENT_STORE);
      const written = [];
      for (let i = 0; i < 6; i++) {
        const { events } = await store.append(`probe-tamper-${i % 3}`, i < 3 ? NO_STREAM : 0, [
          { type: 'LedgerProbeRecorded', schemaVersion: 1, data: { text: `probe ${i}` }, occurredAt: new Date('2026-03-01T00:00:00Z') },
        ], context(i));
        written.push(events[0]);
      }
      await eventually(async () => (await api!.gql('{ checkpoint { treeSize } }')).data.checkpoint !== null, 5000);
      await api.close();
      api = undefined;

      const clean = runLedgerCli(['verify', '--store', '--no-progress'], env);
      expect(clean.stdout).toMatch(/^verified: 6 events, every stream chain and 1 signed checkpoints match/);
      expect(clean.status).toBe(0);

      const victim = written[4];
      const sql = await openSqlClient(config);
      await sql.transaction(async (tx) => {
        // What an attacker with database access would do: switch the guard off and rewrite history.
        await tx.query('ALTER TABLE ledger_events DISABLE TRIGGER ledger_events_immutable');
        await tx.query(`UPDATE ledger_events SET data = '{"text": "probe 4, rewritten"}' WHERE event_id = $1`, [victim.eventId]);
        await tx.query('ALTER TABLE ledger_events ENABLE TRIGGER ledger_events_immutable');
      });
      await sql.close();

      const tampered = runLedgerCli(['verify', '--store', '--no-progress'], env);
      expect(tampered.status).toBe(1);
      expect(tampered.stderr).toMatch(new RegExp(`^tampered: event ${victim.eventId} \\(stream ${victim.stream}, revision 1, .*\\): its stored bytes no longer match its hash`));
      expect(namedEvents(tampered.stderr)).toEqual([victim.eventId]);
    } finally {
      await api?.close();
      await prepared.dispose();
    }
  });

  it(`detects and names each of ${TAMPERED} randomly chosen events with one byte changed, and no other`, async () => {
    const prepared = await storage.config();
    const { config } = prepared;
    const env = { LEDGER_DATA_DIR: config.dataDir, DATABASE_URL: config.databaseUrl ?? '' };
    const api = await startApi(config);
    const written: RecordedEvent[] = [];
    try {
      const store = api.app.get<EventStore>(EVENT_STORE);
      for (let i = 0; i < EVENTS; i++) {
        const revision = Math.floor(i / STREAMS);
        const { events } = await store.append(`probe-bytes-${i % STREAMS}`, revision === 0 ? NO_STREAM : revision - 1, [
          { type: 'LedgerProbeRecorded', schemaVersion: 1, data: { text: `Keep invoices ${i} for ten years after the contract ends.` }, occurredAt: new Date('2026-03-01T00:00:00Z') },
        ], context(i));
        written.push(events[0]);
      }
      await eventually(async () => (await api.gql('{ checkpoint { treeSize } }')).data.checkpoint?.treeSize === EVENTS, 30_000);
    } finally {
      await api.close();
    }
    try {
      const victims = pick(TAMPERED, EVENTS).map((i) => written[i]);
      const sql = await openSqlClient(config);
      await sql.transaction(async (tx) => {
        await tx.query('ALTER TABLE ledger_events DISABLE TRIGGER ledger_events_immutable');
        for (const victim of victims) {
          // One character of the stored text, at a random place, becomes an "x" (a letter no text holds).
          const at = Math.floor(Math.random() * (victim.data as { text: string }).text.length);
          await tx.query(`UPDATE ledger_events SET data = jsonb_set(data, '{text}', to_jsonb(overlay(data->>'text' placing 'x' from $2 for 1))) WHERE event_id = $1`, [
            victim.eventId,
            at + 1,
          ]);
        }
        await tx.query('ALTER TABLE ledger_events ENABLE TRIGGER ledger_events_immutable');
      });
      const changed = await sql.query<{ event_id: string }>(`SELECT event_id::text FROM ledger_events WHERE data->>'text' LIKE '%x%'`);
      await sql.close();
      expect(new Set(changed.map((row) => row.event_id))).toEqual(new Set(victims.map((v) => v.eventId)));

      const audit = runLedgerCli(['verify', '--store', '--no-progress'], env);
      const detected = namedEvents(audit.stderr);
      const victimIds = new Set(victims.map((v) => v.eventId));
      console.log(
        `tamper (${storage.name}): events ${EVENTS}, tampered ${TAMPERED}, detected ${detected.filter((id) => victimIds.has(id)).length}, ` +
          `named but untouched ${detected.filter((id) => !victimIds.has(id)).length}`,
      );
      expect(audit.status).toBe(1);
      expect(new Set(detected)).toEqual(victimIds);
      expect(detected).toHaveLength(TAMPERED);
      expect(audit.stderr).toContain(`${TAMPERED} findings in ${EVENTS} events`);
    } finally {
      await prepared.dispose();
    }
  }, 180_000);
});
