import { statSync } from 'node:fs';
import { join } from 'node:path';
import { openSqlClient } from '@ledger/event-store';
import { eventLeafHash, merkleRoot } from '@ledger/integrity';
import {
  embeddedDataDir,
  eventually,
  runLedgerCli,
  runLedgerCliAsync,
  ServerProcess,
  signAgreements,
  streamMutations,
  tempDir,
} from '@ledger/testing';

const HISTORY = `query($stream: String!) { history(stream: $stream) { eventId revision type data openedData hash prevHash leafIndex metadata { commandId occurredAt recordedAt } } }`;
const RECEIVE_DSR = `mutation($input: ReceiveDataSubjectRequestInput!) { receiveDataSubjectRequest(input: $input) { dataSubjectRequest { id } } }`;
const DSR = `query($id: ID!) { dataSubjectRequest(id: $id) { id status requester { name email erased } } }`;

describe('ledger backup and ledger restore of the embedded store', () => {
  it('copies a running service under load; the restore passes verify --store and answers as the original did at that size', async () => {
    const original = await embeddedDataDir();
    const restored = tempDir();
    const files = tempDir();
    const backupFile = join(files.path, 'ledger.backup');
    const env = { LEDGER_DATA_DIR: original.path, DATABASE_URL: '', LEDGER_CHECKPOINT_EVERY_SECONDS: '1' };
    const restoredEnv = { ...env, LEDGER_DATA_DIR: restored.path };
    const source = new ServerProcess(env);
    const copy = new ServerProcess(restoredEnv);
    try {
      await source.start();
      // The copy holds the same keys (they are in the store): it answers the source's key, and no new key is issued into its log.
      copy.token = source.token;
      await signAgreements(source, 4);
      const dsr = await source.gql(RECEIVE_DSR, { input: { controllerId: 'controller-0', type: 'ACCESS', requester: { name: 'Ada Lovelace', email: 'ada@example.com' } } });
      const dsrId = dsr.data.receiveDataSubjectRequest.dataSubjectRequest.id;
      const load = streamMutations(source, 4);
      await eventually(() => load.acknowledged.size >= 10, 30_000);

      const backedUp = await runLedgerCliAsync(['backup', '--out', backupFile, '--url', source.url], env);
      expect(backedUp.stderr).toBe('');
      expect(backedUp.status).toBe(0);
      const [, events, treeSize] = /^backed up (\d+) events \(tree size (\d+)\) and the key files to .+ from the running service/.exec(backedUp.stdout) ?? [];
      const backupEvents = Number(events);
      expect(backupEvents).toBeGreaterThan(0);
      expect(Number(treeSize)).toBeLessThanOrEqual(backupEvents);
      expect(statSync(backupFile).mode & 0o777).toBe(0o600);
      const acknowledgedBefore = load.acknowledged.size;
      await eventually(() => load.acknowledged.size >= acknowledgedBefore + 10, 30_000);
      await load.stop();

      const restoring = runLedgerCli(['restore', backupFile], restoredEnv);
      expect(restoring.stderr).toBe('');
      expect(restoring.stdout).toMatch(new RegExp(`^restored ${backupEvents} events \\(tree size ${treeSize}, backup of .+\\) and the key files into ${restored.path}`));
      expect(restoring.status).toBe(0);
      for (const key of ['checkpoint-signer.key', 'pseudonym.key']) expect(statSync(join(restored.path, key)).mode & 0o777).toBe(0o600);
      expect(runLedgerCli(['restore', backupFile], restoredEnv).stderr).toMatch(/already holds a store; restore into an empty LEDGER_DATA_DIR/);

      const audit = runLedgerCli(['verify', '--store', '--no-progress'], restoredEnv);
      expect(audit.stdout).toMatch(new RegExp(`^verified: ${backupEvents} events, every stream chain and \\d+ signed checkpoints match`));
      expect(audit.status).toBe(0);

      const sql = await openSqlClient({ dataDir: restored.path });
      const streams = (await sql.query<{ stream: string }>('SELECT DISTINCT stream FROM ledger_events ORDER BY stream')).map((row) => row.stream);
      await sql.close();

      await copy.start();
      const signedCopy = await eventually(async () => (await copy.gql('{ checkpoint { treeSize } }')).data.checkpoint?.treeSize === backupEvents, 30_000);
      expect(signedCopy).toBe(true);
      expect((await copy.gql('{ verifierKey }')).data).toEqual((await source.gql('{ verifierKey }')).data);
      expect((await copy.gql(DSR, { id: dsrId })).data).toEqual((await source.gql(DSR, { id: dsrId })).data);
      expect((await copy.gql(DSR, { id: dsrId })).data.dataSubjectRequest.requester).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com', erased: false });

      // Every record's history as the original tells it up to the backup's size, and the root signed over it.
      const leaves: string[] = [];
      for (const stream of streams) {
        const restoredHistory = (await copy.gql(HISTORY, { stream })).data.history;
        const originalHistory = (await source.gql(HISTORY, { stream })).data.history.filter((e: { leafIndex: number }) => e.leafIndex < backupEvents);
        expect({ stream, history: restoredHistory }).toEqual({ stream, history: originalHistory });
        for (const event of originalHistory) leaves[event.leafIndex] = event.hash;
      }
      expect(leaves.filter(Boolean)).toHaveLength(backupEvents);
      const checkpoint = (await copy.gql(`{ checkpoint(treeSize: ${backupEvents}) { rootHash } }`)).data.checkpoint;
      expect(checkpoint.rootHash).toBe(merkleRoot(leaves.map((hash) => eventLeafHash(hash))).toString('hex'));
      console.log(`backup under load: ${backupEvents} events (tree size ${treeSize}) backed up, restored, verified; ${streams.length} streams answer as the original`);
    } finally {
      await source.kill('SIGKILL');
      await copy.kill('SIGKILL');
      original.remove();
      restored.remove();
      files.remove();
    }
  }, 300_000);
});
