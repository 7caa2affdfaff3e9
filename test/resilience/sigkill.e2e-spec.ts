import { openSqlClient, SqlClient } from '@ledger/event-store';
import { createTestDatabase, embeddedDataDir, postgresUrl, runLedgerCli, ServerProcess } from '@ledger/testing';

const RECEIVE = `mutation($input: ReceiveInstructionInput!) { receiveInstruction(input: $input) { instruction { id } } }`;
const ACKNOWLEDGE = `mutation($input: AcknowledgeInstructionInput!) { acknowledgeInstruction(input: $input) { instruction { id } } }`;
const SIGN = `mutation($input: SignDataProcessingAgreementInput!) { signDataProcessingAgreement(input: $input) { agreement { controllerId } } }`;
const GET = `query($id: ID!) { instruction(id: $id) { id status revision } }`;

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

/** Instructions need an agreement in force with their controller (Art. 28(3)): one per writer's controller. */
async function signAgreements(server: ServerProcess, writers: number) {
  for (let w = 0; w < writers; w++) {
    const signed = await server.gql(SIGN, {
      input: {
        controllerId: `controller-${w}`,
        controllerName: `Controller ${w}`,
        effectiveDate: '2020-01-01T00:00:00.000Z',
        clauses: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'],
        subprocessorAuthorisation: 'GENERAL',
      },
    });
    expect(signed.errors).toBeUndefined();
  }
}

/** Sends mutations from several writers until `stop`, keeping the ids the service acknowledged. */
function streamMutations(server: ServerProcess, writers: number) {
  const acknowledged = new Map<string, number>();
  let stopped = false;
  const writer = async (w: number) => {
    for (let i = 0; !stopped; i++) {
      try {
        const received = await server.gql(RECEIVE, {
          input: { controllerId: `controller-${w}`, subject: `instruction ${w}-${i}`, text: 'Keep invoices for ten years.', channel: 'TICKET' },
        });
        const id = received.data?.receiveInstruction.instruction.id;
        if (!id) continue;
        acknowledged.set(id, 0);
        const ack = await server.gql(ACKNOWLEDGE, { input: { instructionId: id } });
        if (ack.data) acknowledged.set(id, 1);
      } catch {
        return; // the connection died with the server
      }
    }
  };
  const done = Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
  return {
    acknowledged,
    async stop() {
      stopped = true;
      await done;
    },
  };
}

/** Every instruction stream has exactly one read-model row, at the stream's last revision, and no row lacks events. */
async function readModelMatchesEvents(sql: SqlClient) {
  const mismatches = await sql.query(`
    WITH streams AS (SELECT stream, max(revision) AS revision FROM ledger_events WHERE stream LIKE 'instruction-%' GROUP BY stream)
    SELECT s.stream, s.revision, r.revision AS row_revision
    FROM streams s FULL OUTER JOIN rm_instructions r ON r.stream = s.stream
    WHERE r.revision IS DISTINCT FROM s.revision`);
  expect(mismatches).toEqual([]);
}

/** The instructions register and the sealed Merkle tree, which a rebuild must reproduce exactly. */
const dumpReadModel = async (sql: SqlClient) => ({
  instructions: await sql.query('SELECT * FROM rm_instructions ORDER BY tenant_id, instruction_id'),
  leaves: await sql.query('SELECT leaf_index::text, event_id::text, event_hash FROM ledger_merkle_leaves l ORDER BY l.leaf_index'),
  nodes: await sql.query(`SELECT level, idx::text, encode(hash, 'hex') AS hash FROM ledger_merkle_nodes n ORDER BY n.level, n.idx`),
});

const storages: Array<{ name: string; open: () => Promise<Storage> }> = [{ name: 'embedded', open: embedded }];
if (postgresUrl) {
  const serverUrl = postgresUrl;
  storages.push({ name: 'PostgreSQL', open: () => postgres(serverUrl) });
}

describe.each(storages)('a service on the $name store killed with SIGKILL while mutations stream in', ({ open }) => {
  it('keeps every acknowledged instruction, and its read model matches the events, live and rebuilt', async () => {
    const storage = await open();
    const server = new ServerProcess(storage.env);
    const acknowledged = new Map<string, number>();
    try {
      for (let round = 0; round < 2; round++) {
        await server.start();
        if (round === 0) await signAgreements(server, 4);
        const load = streamMutations(server, 4);
        while (load.acknowledged.size < 25 * (round + 1)) await new Promise((resolve) => setTimeout(resolve, 20));
        await server.kill('SIGKILL');
        await load.stop();
        for (const [id, revision] of load.acknowledged) acknowledged.set(id, revision);
      }

      await server.start();
      for (const [id, revision] of acknowledged) {
        let found: { revision: number } | null = null;
        for (let tries = 0; tries < 100 && (found === null || found.revision < revision); tries++) {
          found = (await server.gql(GET, { id })).data.instruction;
          if (found === null || found.revision < revision) await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect({ id, revision: found?.revision }).toEqual({ id, revision: expect.any(Number) });
        expect(found!.revision).toBeGreaterThanOrEqual(revision);
      }
      await server.kill('SIGTERM');

      const config = { dataDir: storage.env.LEDGER_DATA_DIR, databaseUrl: storage.env.DATABASE_URL };
      let sql = await openSqlClient(config);
      await readModelMatchesEvents(sql);
      const live = await dumpReadModel(sql);
      expect(live.leaves.length).toBeGreaterThanOrEqual(acknowledged.size);
      await sql.close();

      const rebuilt = runLedgerCli(['rebuild', '--no-progress'], storage.env);
      expect(rebuilt.stderr).toMatch(/^rebuilt merkle-log, instructions[, ]/m);
      expect(rebuilt.status).toBe(0);
      sql = await openSqlClient(config);
      expect(await dumpReadModel(sql)).toEqual(live);
      await sql.close();

      const audit = runLedgerCli(['verify', '--store', '--no-progress'], storage.env);
      expect(audit.stdout).toMatch(/^verified: \d+ events, every stream chain and \d+ signed checkpoints match/);
      expect(audit.status).toBe(0);
    } finally {
      await server.kill('SIGKILL');
      await storage.dispose();
    }
  });
});
