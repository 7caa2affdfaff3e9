import { createTestDatabase, postgresUrl, runLedgerCliAsync, runServerToExit, ServerProcess, tempDir } from '@ledger/testing';
import { type EventStoreDbDouble, startEventStoreDbDouble } from '../support/eventstoredb-double';
import { BREACH_INPUT } from './breach-input';

const RECORD = `mutation R($input: RecordBreachInput!) { recordBreach(input: $input) { breach { id status } ledger { events { position } } } }`;
const GET = `query Get($id: ID!) { breach(id: $id) { id status } }`;
const input = BREACH_INPUT;

describe('the built service in EventStoreDB mode', () => {
  it('refuses to start without DATABASE_URL, in one line on stderr', () => {
    const dir = tempDir();
    try {
      const run = runServerToExit({ EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:2113?tls=false', DATABASE_URL: '', LEDGER_DATA_DIR: dir.path });
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/EVENTSTORE_CONNECTION_STRING needs DATABASE_URL/)]);
    } finally {
      dir.remove();
    }
  });

  // The build (dist/, CommonJS) against the gRPC DOUBLE standing in for EventStoreDB.
  (postgresUrl ? it : it.skip)('serves commands and queries, then `ledger verify --store` and `ledger rebuild` read the same log', async () => {
    const double: EventStoreDbDouble = await startEventStoreDbDouble();
    const db = await createTestDatabase(postgresUrl!);
    const dir = tempDir();
    const env = { EVENTSTORE_CONNECTION_STRING: double.connectionString, DATABASE_URL: db.url, LEDGER_DATA_DIR: dir.path };
    const server = new ServerProcess(env);
    try {
      await server.start();
      const recorded = await server.gql(RECORD, { input });
      expect(recorded.errors).toBeUndefined();
      const { id } = recorded.data.recordBreach.breach;
      expect((await server.gql(GET, { id })).data.breach).toEqual({ id, status: 'OPEN' });
      await server.kill('SIGTERM');

      const verified = await runLedgerCliAsync(['verify', '--store', '--no-progress'], env);
      // The breach, and the two keys the test server was given (admin from LEDGER_ADMIN_TOKEN, then a processor key).
      expect(verified).toMatchObject({ status: 0, stdout: expect.stringMatching(/^verified: 3 events/) });
      const rebuilt = await runLedgerCliAsync(['rebuild', '--no-progress'], env);
      expect(rebuilt.status).toBe(0);
      expect(rebuilt.stderr).toMatch(/from EventStoreDB at 127\.0\.0\.1:\d+ \(read models in PostgreSQL/);
    } finally {
      await server.kill('SIGKILL');
      await db.drop();
      dir.remove();
      await double.close();
    }
  });
});
