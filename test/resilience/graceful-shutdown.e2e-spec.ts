import { openSqlClient } from '@ledger/event-store';
import { bearer, checkAcknowledged, createTestDatabase, embeddedDataDir, eventually, postgresUrl, ServerProcess, signAgreements, sleep, streamMutations } from '@ledger/testing';

const RECEIVE_DSR = `mutation($input: ReceiveDataSubjectRequestInput!) { receiveDataSubjectRequest(input: $input) { dataSubjectRequest { id } } }`;

interface Storage {
  env: Record<string, string>;
  dispose(): Promise<void>;
}

const storages: Array<{ name: string; open: () => Promise<Storage> }> = [
  {
    name: 'embedded',
    open: async () => {
      const dir = await embeddedDataDir();
      return { env: { LEDGER_DATA_DIR: dir.path, DATABASE_URL: '' }, dispose: async () => dir.remove() };
    },
  },
];
if (postgresUrl) {
  const serverUrl = postgresUrl;
  storages.push({
    name: 'PostgreSQL',
    open: async () => {
      const db = await createTestDatabase(serverUrl);
      return { env: { DATABASE_URL: db.url, LEDGER_DATA_DIR: '/nonexistent' }, dispose: () => db.drop() };
    },
  });
}

describe.each(storages)('the service on the $name store', ({ name, open }) => {
  it('stops on SIGTERM under load: answers what it accepted, loses nothing acknowledged, and exits 0', async () => {
    const storage = await open();
    const server = new ServerProcess(storage.env);
    try {
      await server.start();
      await signAgreements(server, 4);
      const load = streamMutations(server, 4, { stopWhenUnreachable: true });
      await eventually(() => load.acknowledged.size >= 10, 30_000);
      await sleep(Math.floor(Math.random() * 500));
      await server.kill('SIGTERM');
      await load.stop();
      expect(server.exit).toEqual({ code: 0, signal: null });
      const lines = server.logLines();
      expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['shutting down', 'stopped']));

      const sql = await openSqlClient({ dataDir: storage.env.LEDGER_DATA_DIR, databaseUrl: storage.env.DATABASE_URL });
      const check = await checkAcknowledged(sql, load.acknowledged);
      await sql.close();
      console.log(`graceful shutdown (${name}): mutations acknowledged ${check.acknowledged}, found ${check.found}, duplicates ${check.duplicates}`);
      expect(check.missing).toEqual([]);
      expect(check.found).toBe(check.acknowledged);
      expect(check.duplicates).toBe(0);
    } finally {
      await server.kill('SIGKILL');
      await storage.dispose();
    }
  }, 300_000);

  it('logs each request and command as JSON with its correlation id, and no personal data', async () => {
    const storage = await open();
    const server = new ServerProcess(storage.env);
    try {
      await server.start();
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-correlation-id': 'ticket-4711', ...bearer(server.token) },
        body: JSON.stringify({
          query: RECEIVE_DSR,
          variables: { input: { controllerId: 'acme', type: 'ACCESS', requester: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000' } } },
        }),
      });
      expect(response.headers.get('x-correlation-id')).toBe('ticket-4711');
      const answer = await response.json();
      expect(answer.errors).toBeUndefined();
      const generated = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(server.token) }, body: JSON.stringify({ query: '{ checkpoint { treeSize } }' }) });
      const generatedId = generated.headers.get('x-correlation-id');
      expect(generatedId).toMatch(/^[0-9a-f-]{36}$/);
      await server.kill('SIGTERM');

      const lines = server.logLines();
      for (const line of lines) expect(line).toEqual(expect.objectContaining({ level: expect.any(String), time: expect.any(String), msg: expect.any(String) }));
      const traced = lines.filter((l) => l.correlationId === 'ticket-4711');
      expect(traced).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ context: 'Commands', msg: 'command', command: 'ReceiveDataSubjectRequest', outcome: 'ok', commandId: expect.any(String) }),
          expect.objectContaining({ context: 'Http', msg: 'request', method: 'POST', path: '/graphql', status: 200 }),
        ]),
      );
      expect(lines).toEqual(expect.arrayContaining([expect.objectContaining({ context: 'Http', correlationId: generatedId })]));
      const written = JSON.stringify(lines);
      for (const personal of ['Ada Lovelace', 'ada@example.com', '7946']) expect(written).not.toContain(personal);
    } finally {
      await server.kill('SIGKILL');
      await storage.dispose();
    }
  }, 300_000);
});
