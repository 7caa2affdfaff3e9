import { openSqlClient } from '@ledger/event-store';
import {
  ACKNOWLEDGE,
  checkAcknowledged,
  createTestDatabase,
  eventually,
  privatePostgresAvailable,
  PrivatePostgres,
  ServerProcess,
  signAgreements,
  streamMutations,
  tempDir,
} from '@ledger/testing';

const describeWithPostgres = privatePostgresAvailable ? describe : describe.skip;

const readyStatus = async (server: ServerProcess) => (await fetch(`${server.url}/health/ready`)).status;

// The test runs its own PostgreSQL server (never the shared one) so that it may stop it.
describeWithPostgres('the service while its PostgreSQL server restarts under load', () => {
  it('answers a coded retryable error while the database is down, is not ready, then recovers by itself with nothing acknowledged lost', async () => {
    const postgres = await PrivatePostgres.create();
    const db = await createTestDatabase(postgres.url);
    const data = tempDir();
    const server = new ServerProcess({ DATABASE_URL: db.url, LEDGER_DATA_DIR: data.path });
    try {
      await server.start();
      await signAgreements(server, 4);
      const load = streamMutations(server, 4);
      await eventually(() => load.acknowledged.size >= 10, 30_000);

      postgres.stop('fast');
      const whileDown = await server.gql(ACKNOWLEDGE, { input: { instructionId: [...load.acknowledged.keys()][0] } });
      // Refused before anything is written (by the key check, or by the command once the key is cached): no data at all.
      expect(whileDown.data ?? null).toBeNull();
      expect(whileDown.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAVAILABLE', retryable: true } })]);
      expect(await eventually(async () => (await readyStatus(server)) === 503)).toBe(true);
      const ready = await (await fetch(`${server.url}/health/ready`)).json();
      expect(ready).toMatchObject({ status: 'not ready', reason: 'store unreachable' });
      expect((await fetch(`${server.url}/health/live`)).status).toBe(200);
      const metrics = await fetch(`${server.url}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toMatch(/^ledger_store_up 0$/m);
      // Down long enough for the writers to be refused too (a command appended just before waits up to 10 s for its read models).
      expect(await eventually(() => (load.errors.get('UNAVAILABLE (retryable)') ?? 0) >= 4, 30_000)).toBe(true);
      const acknowledgedWhileDown = load.acknowledged.size;

      postgres.start();
      expect(await eventually(async () => (await readyStatus(server)) === 200, 60_000)).toBe(true);
      expect(await eventually(() => load.acknowledged.size >= acknowledgedWhileDown + 10, 60_000)).toBe(true);
      await load.stop();
      await server.kill('SIGTERM');

      const sql = await openSqlClient({ dataDir: data.path, databaseUrl: db.url });
      const check = await checkAcknowledged(sql, load.acknowledged);
      await sql.close();
      const errors = Object.fromEntries(load.errors);
      console.log(
        `database restart: mutations acknowledged ${check.acknowledged}, found ${check.found}, duplicates ${check.duplicates}; ` +
          `error answers while down ${JSON.stringify(errors)}, unanswered ${load.unanswered}`,
      );
      expect(check.missing).toEqual([]);
      expect(check.found).toBe(check.acknowledged);
      expect(check.duplicates).toBe(0);
      // Every refusal the writers got was the coded, retryable one: no other failure, no false success.
      expect(Object.keys(errors).every((code) => code === 'UNAVAILABLE (retryable)')).toBe(true);
      expect(load.unanswered).toBe(0);
    } finally {
      await server.kill('SIGKILL');
      await db.drop().catch(() => undefined);
      postgres.dispose();
      data.remove();
    }
  }, 300_000);
});
