import { openSqlClient } from '@ledger/event-store';
import {
  checkAcknowledged,
  createTestDatabase,
  dumpReadModels,
  embeddedDataDir,
  eventually,
  postgresUrl,
  runLedgerCli,
  ServerProcess,
  signAgreements,
  sleep,
  streamMutations,
} from '@ledger/testing';

const GET = `query($id: ID!) { instruction(id: $id) { id status revision } }`;
const KILLS = 5;
const WRITERS = 4;

interface Storage {
  env: Record<string, string>;
  dispose(): Promise<void>;
}

async function embedded(): Promise<Storage> {
  const dir = await embeddedDataDir();
  return { env: { LEDGER_DATA_DIR: dir.path, DATABASE_URL: '' }, dispose: async () => dir.remove() };
}

async function postgres(serverUrl: string): Promise<Storage> {
  const db = await createTestDatabase(serverUrl);
  return { env: { DATABASE_URL: db.url, LEDGER_DATA_DIR: '/nonexistent' }, dispose: () => db.drop() };
}

const storages: Array<{ name: string; open: () => Promise<Storage> }> = [{ name: 'embedded', open: embedded }];
if (postgresUrl) {
  const serverUrl = postgresUrl;
  storages.push({ name: 'PostgreSQL', open: () => postgres(serverUrl) });
}

describe.each(storages)('a service on the $name store killed with SIGKILL while mutations stream in', ({ name, open }) => {
  it(`keeps every acknowledged mutation exactly once over ${KILLS} kills, and every read model equals a rebuild from zero`, async () => {
    const storage = await open();
    const server = new ServerProcess(storage.env);
    const acknowledged = new Map<string, number>();
    try {
      for (let round = 0; round < KILLS; round++) {
        await server.start();
        if (round === 0) await signAgreements(server, WRITERS);
        const load = streamMutations(server, WRITERS, { stopWhenUnreachable: true, prefix: `r${round}-` });
        // A random moment, once the writers are under way: mid-append, mid-projection, mid-checkpoint.
        await eventually(() => load.acknowledged.size >= 3, 30_000);
        await sleep(Math.floor(Math.random() * 1500));
        await server.kill('SIGKILL');
        await load.stop();
        for (const [id, revision] of load.acknowledged) acknowledged.set(id, revision);
      }

      await server.start();
      for (const [id, revision] of acknowledged) {
        let found: { revision: number } | null = null;
        await eventually(async () => {
          found = (await server.gql(GET, { id })).data.instruction;
          return found !== null && found.revision >= revision;
        });
        expect({ id, revision: found!.revision >= revision }).toEqual({ id, revision: true });
      }
      await server.kill('SIGTERM');
      expect(server.exit).toEqual({ code: 0, signal: null });

      const config = { dataDir: storage.env.LEDGER_DATA_DIR, databaseUrl: storage.env.DATABASE_URL };
      let sql = await openSqlClient(config);
      const check = await checkAcknowledged(sql, acknowledged);
      const live = await dumpReadModels(sql);
      await sql.close();
      console.log(
        `crash (${name}): ${KILLS} SIGKILLs; mutations acknowledged ${check.acknowledged}, found ${check.found}, duplicates ${check.duplicates}, missing ${check.missing.length}`,
      );
      expect(check.missing).toEqual([]);
      expect(check.duplicates).toBe(0);
      expect(check.found).toBe(check.acknowledged);
      expect(check.acknowledged).toBeGreaterThanOrEqual(KILLS * 3);

      const rebuilt = runLedgerCli(['rebuild', '--no-progress'], storage.env);
      expect(rebuilt.stderr).toMatch(/^rebuilt merkle-log, instructions[, ]/m);
      expect(rebuilt.status).toBe(0);
      sql = await openSqlClient(config);
      expect(await dumpReadModels(sql)).toEqual(live);
      await sql.close();

      const audit = runLedgerCli(['verify', '--store', '--no-progress'], storage.env);
      expect(audit.stdout).toMatch(/^verified: \d+ events, every stream chain and \d+ signed checkpoints match/);
      expect(audit.status).toBe(0);
    } finally {
      await server.kill('SIGKILL');
      await storage.dispose();
    }
  }, 600_000);
});
