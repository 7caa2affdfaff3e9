import { chmodSync, chownSync, lstatSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { embeddedDataDir, postgresUrl, runServerToExit, tempDir } from '@ledger/testing';

/** Every file under `dir` with its size, mode and modification time: what "touches nothing" compares. */
function snapshot(dir: string): string[] {
  const entries: string[] = [];
  const walk = (path: string) => {
    const stat = lstatSync(path);
    entries.push(`${path} ${stat.mode.toString(8)} ${stat.size} ${stat.mtimeMs}`);
    if (!stat.isDirectory()) return;
    let names: string[];
    try {
      names = readdirSync(path).sort();
    } catch {
      // Not root: an unreadable directory cannot be listed by the test either (nor written by the service).
      return entries.push(`${path} unreadable`);
    }
    for (const name of names) walk(join(path, name));
  };
  walk(dir);
  return entries;
}

/** An unprivileged user: root reads and writes any directory, so under root the service runs as nobody. */
const UNPRIVILEGED = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;

function chownTree(dir: string, owner: { uid: number; gid: number }) {
  chownSync(dir, owner.uid, owner.gid);
  if (lstatSync(dir).isDirectory()) for (const name of readdirSync(dir)) chownTree(join(dir, name), owner);
}

interface Case {
  name: string;
  problem: RegExp;
  prepare(): Promise<{ env: Record<string, string>; dir: string; user?: { uid: number; gid: number }; cleanup(): void }>;
}

const embeddedWith = async (change: (dir: string) => void, user?: { uid: number; gid: number }) => {
  // Permissions are what these cases are about: the directory is the service user's own.
  const data = await embeddedDataDir();
  if (user) chownTree(data.path, user);
  change(data.path);
  return {
    env: { LEDGER_DATA_DIR: data.path, DATABASE_URL: '' },
    dir: data.path,
    user,
    cleanup: () => {
      chmodSync(data.path, 0o700);
      data.remove();
    },
  };
};

const postgresWith = async (url: string) => {
  const data = tempDir();
  return { env: { DATABASE_URL: url, LEDGER_DATA_DIR: data.path }, dir: data.path, cleanup: () => data.remove() };
};

const cases: Case[] = [
  {
    name: 'an unreadable data directory',
    problem: /^ledger: cannot start: the data directory \(LEDGER_DATA_DIR\) \/.+ is not readable: EACCES/,
    prepare: () => embeddedWith((dir) => chmodSync(dir, 0o000), UNPRIVILEGED),
  },
  {
    name: 'a read-only data directory',
    problem: /^ledger: cannot start: the data directory \(LEDGER_DATA_DIR\) \/.+ is read-only: EACCES/,
    prepare: () => embeddedWith((dir) => chmodSync(dir, 0o555), UNPRIVILEGED),
  },
  {
    name: 'a malformed checkpoint signer key file',
    problem: /^ledger: cannot start: the checkpoint signer key in \/.+\/checkpoint-signer\.key is malformed: a signer key is PRIVATE\+KEY\+/,
    prepare: () => embeddedWith((dir) => writeFileSync(join(dir, 'checkpoint-signer.key'), 'not a key\n', { mode: 0o600 })),
  },
  {
    name: 'a malformed pseudonym key file',
    problem: /^ledger: cannot start: the pseudonym key is malformed or unreadable: the pseudonym key from \/.+\/pseudonym\.key must be at least 32 bytes/,
    prepare: () => embeddedWith((dir) => writeFileSync(join(dir, 'pseudonym.key'), 'c2hvcnQ=\n', { mode: 0o600 })),
  },
  {
    name: 'a DATABASE_URL that is not a URL',
    problem: /^ledger: cannot start: DATABASE_URL is not a URL/,
    prepare: () => postgresWith('not a url'),
  },
  {
    name: 'a DATABASE_URL where no server listens',
    problem: /^ledger: cannot start: DATABASE_URL: cannot use the PostgreSQL at 127\.0\.0\.1:1\/ledger: .*ECONNREFUSED/,
    prepare: () => postgresWith('postgres://postgres:secret-password@127.0.0.1:1/ledger'),
  },
];
if (postgresUrl) {
  const url = new URL(postgresUrl);
  url.pathname = '/ledger_no_such_database';
  cases.push({
    name: 'a DATABASE_URL naming a database that does not exist',
    problem: /^ledger: cannot start: DATABASE_URL: cannot use the PostgreSQL at .+\/ledger_no_such_database: database "ledger_no_such_database" does not exist/,
    prepare: () => postgresWith(url.toString()),
  });
}

describe('a service started in a bad environment', () => {
  const refused: string[] = [];
  afterAll(() => console.log(`bad environment: ${refused.length} of ${cases.length} starts refused with one line, nothing touched`));

  it.each(cases)('refuses to start with one line naming the problem, and touches nothing: $name', async ({ problem, prepare }) => {
    const prepared = await prepare();
    try {
      const before = snapshot(prepared.dir);
      const run = runServerToExit(prepared.env, prepared.user ?? {});
      const lines = run.stderr.trim().split('\n');
      expect(lines).toEqual([expect.stringMatching(problem)]);
      expect(run.stderr).not.toContain('secret-password');
      expect(run.stdout).toBe('');
      expect(run.status).toBe(1);
      expect(snapshot(prepared.dir)).toEqual(before);
      refused.push(lines[0]);
    } finally {
      prepared.cleanup();
    }
  });
});
