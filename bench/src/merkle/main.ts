import 'reflect-metadata';
import { Command } from 'commander';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlClient } from '@ledger/event-store';
import { createScratchDatabase } from '../scratch-database';
import { MerkleFigures, sealAndProve } from './seal-and-prove';

/**
 * The verifiable log's part of `npm run bench`: sealer throughput against hashing alone, and
 * inclusion-proof generation time in a tree of a million leaves.
 */
async function main() {
  const options = new Command()
    .option('--leaves <n>', 'leaves sealed on PostgreSQL', (v) => Number(v), 1_000_000)
    .option('--embedded-leaves <n>', 'leaves sealed on the embedded store', (v) => Number(v), 200_000)
    .option('--proofs <n>', 'inclusion proofs timed per store', (v) => Number(v), 2_000)
    .option('--database-url <url>', 'PostgreSQL server for a scratch database', process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test')
    .parse()
    .opts<{ leaves: number; embeddedLeaves: number; proofs: number; databaseUrl: string }>();
  const report = (line: string) => process.stderr.write(`${line}\n`);
  const figures: MerkleFigures[] = [];

  const scratch = await createScratchDatabase(options.databaseUrl);
  const pg = await openSqlClient({ databaseUrl: scratch.url, dataDir: '' });
  try {
    figures.push(await sealAndProve(pg, 'PostgreSQL', options.leaves, options.proofs, report));
  } finally {
    await pg.close();
    await scratch.drop();
  }

  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-merkle-'));
  const embedded = await openSqlClient({ dataDir: dir });
  try {
    figures.push(await sealAndProve(embedded, 'embedded', options.embeddedLeaves, options.proofs, report));
  } finally {
    await embedded.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const rows = figures.map(
    (f) =>
      `| ${f.store} | ${f.leaves.toLocaleString('en')} | ${Math.round(f.sealerEventsPerSecond).toLocaleString('en')} | ${Math.round(f.hashingEventsPerSecond).toLocaleString('en')} | ${(f.sealerEventsPerSecond / f.hashingEventsPerSecond).toFixed(3)}x | ${f.proofMedianMs.toFixed(2)} | ${f.proofP99Ms.toFixed(2)} |`,
  );
  process.stdout.write(
    [
      '',
      'Merkle log: sealer throughput against hashing alone, inclusion proofs in the full tree',
      '',
      '| store | leaves | sealer events/s | hashing alone events/s | ratio | proof median ms | proof p99 ms |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
