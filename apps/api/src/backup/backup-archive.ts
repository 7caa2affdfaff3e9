import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import yauzl from 'yauzl';
import yazl from 'yazl';
import type { SqlClient } from '@ledger/event-store';
import { latestCheckpoint, sealedSize } from '@ledger/projections';

export const BACKUP_FORMAT = 'gdpr-compliance-ledger-backup/1';

/** What a backup holds, and what it claims about itself. */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  store: 'embedded';
  /** Events in the copy, and how many of them the Merkle tree had sealed. */
  events: number;
  treeSize: number;
  latestCheckpointTreeSize: number | null;
}

/**
 * The embedded store's data directory (events, read models, signed checkpoints and the subject
 * keys of `ledger_subject_keys`), and the two key files: without them personal data cannot be
 * opened (pseudonym key: subject ids; signer key: new checkpoints under the same log key).
 */
export interface Backup {
  manifest: BackupManifest;
  pgdata: Buffer;
  signerKey: string;
  pseudonymKey: string;
}

export const BACKUP_FILES = {
  manifest: 'manifest.json',
  pgdata: 'pgdata.tar.gz',
  signerKey: 'checkpoint-signer.key',
  pseudonymKey: 'pseudonym.key',
} as const;

/** A consistent copy of a running embedded store: the files and the counts are from one moment. */
export async function takeBackup(sql: SqlClient, keys: { signerKey: string; pseudonymKey: Buffer }): Promise<Backup> {
  if (!sql.snapshot) throw new Error('ledger backup copies the embedded store; back up PostgreSQL with pg_dump (docs/operations.md)');
  const { archive, inspected } = await sql.snapshot(async (tx) => {
    const [row] = await tx.query<{ count: string }>('SELECT count(*)::text AS count FROM ledger_events');
    return { events: Number(row.count), treeSize: await sealedSize(tx), latest: await latestCheckpoint(tx) };
  });
  return {
    manifest: {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      store: 'embedded',
      events: inspected.events,
      treeSize: inspected.treeSize,
      latestCheckpointTreeSize: inspected.latest?.treeSize ?? null,
    },
    pgdata: archive,
    signerKey: keys.signerKey,
    pseudonymKey: keys.pseudonymKey.toString('base64'),
  };
}

export async function packBackup(backup: Backup): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = once(zip.outputStream.pipe(out), 'end');
  zip.addBuffer(Buffer.from(`${JSON.stringify(backup.manifest, null, 2)}\n`), BACKUP_FILES.manifest);
  zip.addBuffer(backup.pgdata, BACKUP_FILES.pgdata, { compress: false });
  zip.addBuffer(Buffer.from(`${backup.signerKey}\n`), BACKUP_FILES.signerKey);
  zip.addBuffer(Buffer.from(`${backup.pseudonymKey}\n`), BACKUP_FILES.pseudonymKey);
  zip.end();
  await finished;
  return Buffer.concat(chunks);
}

function entries(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) => {
      if (error || !file) return reject(error ?? new Error('not a zip file'));
      const found = new Map<string, Buffer>();
      file.on('error', reject);
      file.on('end', () => resolve(found));
      file.on('entry', (entry: yauzl.Entry) =>
        file.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            found.set(entry.fileName, Buffer.concat(chunks));
            file.readEntry();
          });
        }),
      );
      file.readEntry();
    });
  });
}

export async function unpackBackup(zip: Buffer): Promise<Backup> {
  const files = await entries(zip).catch((error) => {
    throw new Error(`not a ledger backup: ${error instanceof Error ? error.message : error}`);
  });
  const need = (name: string) => {
    const content = files.get(name);
    if (!content) throw new Error(`not a complete ledger backup: ${name} is missing`);
    return content;
  };
  const manifest = JSON.parse(need(BACKUP_FILES.manifest).toString('utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT) throw new Error(`not a ledger backup of format ${BACKUP_FORMAT}: ${manifest.format}`);
  return {
    manifest,
    pgdata: need(BACKUP_FILES.pgdata),
    signerKey: need(BACKUP_FILES.signerKey).toString('utf8').trim(),
    pseudonymKey: need(BACKUP_FILES.pseudonymKey).toString('utf8').trim(),
  };
}
