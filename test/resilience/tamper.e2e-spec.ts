import { EventStore, NO_STREAM, openSqlClient } from '@ledger/event-store';
import { ApiHarness, runLedgerCli, startApi, storagesUnderTest } from '@ledger/testing';
import { EVENT_STORE } from '@ledger/api/ledger/ledger.tokens';

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
        ], { tenantId: 'default', actor: { id: 'system', role: 'processor', keyId: null }, commandId: `tamper-${i}`, correlationId: 't', causationId: 't' });
        written.push(events[0]);
      }
      for (let tries = 0; tries < 100 && !(await api.gql('{ checkpoint { treeSize } }')).data.checkpoint; tries++)
        await new Promise((resolve) => setTimeout(resolve, 50));
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
    } finally {
      await api?.close();
      await prepared.dispose();
    }
  });
});
