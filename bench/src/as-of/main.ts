import 'reflect-metadata';
import { Command } from 'commander';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlClient, type SqlClient } from '@ledger/event-store';
import { createScratchDatabase } from '../scratch-database';
import { keptDatabase } from './kept-database';
import { CaseFigures, measure } from './measure';
import { seedRegister } from './seed';

/**
 * The point-in-time part of `npm run bench`: the `register` query at a point (asOf, knownAt)
 * against the same query on the current-state table, over a store of a million events, in one run.
 */
async function main() {
  const options = new Command()
    .option('--events <n>', 'events in the PostgreSQL store', (v) => Number(v), 1_000_000)
    .option('--embedded-events <n>', 'events in the embedded store (0: skip it)', (v) => Number(v), 100_000)
    .option('--queries <n>', 'timed queries per case and per side', (v) => Number(v), 200)
    .option('--database-url <url>', 'PostgreSQL server for a scratch database', process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test')
    .option('--keep-database <name>', 'seed the PostgreSQL store into this database and keep it; a later run with the same name and --events reuses it')
    .parse()
    .opts<{ events: number; embeddedEvents: number; queries: number; databaseUrl: string; keepDatabase?: string }>();
  const report = (line: string) => process.stderr.write(`${line}\n`);
  const rows: string[] = [];
  const run = async (store: string, sql: SqlClient, events: number) => {
    const started = performance.now();
    const seeded = await seedRegister(sql, events, (line) => report(`${store}: ${line}`));
    report(`${store}: seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const figures = await measure(sql, seeded, options.queries);
    rows.push(...figures.map((f) => row(store, seeded.events, f)));
  };

  const scratch = options.keepDatabase ? await keptDatabase(options.databaseUrl, options.keepDatabase) : await createScratchDatabase(options.databaseUrl);
  const pg = await openSqlClient({ databaseUrl: scratch.url, dataDir: '' });
  try {
    await run('PostgreSQL', pg, options.events);
  } finally {
    await pg.close();
    await scratch.drop();
  }
  if (options.embeddedEvents > 0) {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-as-of-'));
    const embedded = await openSqlClient({ dataDir: dir });
    try {
      await run('embedded', embedded, options.embeddedEvents);
    } finally {
      await embedded.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  process.stdout.write(
    [
      '',
      'Point in time: the register at (asOf, knownAt) against the current-state register, same run',
      '',
      '| store | events | case | current median ms | current p99 ms | as-of median ms | as-of p99 ms | as-of / current (medians) | within 2x |',
      '| --- | --: | --- | --: | --: | --: | --: | --: | --- |',
      ...rows,
      '',
    ].join('\n'),
  );
}

function row(store: string, events: number, f: CaseFigures): string {
  const ratio = f.asOf.medianMs / f.current.medianMs;
  const ms = (v: number) => v.toFixed(2);
  return `| ${store} | ${events.toLocaleString('en')} | ${f.case} | ${ms(f.current.medianMs)} | ${ms(f.current.p99Ms)} | ${ms(f.asOf.medianMs)} | ${ms(f.asOf.p99Ms)} | ${ratio.toFixed(2)}x | ${ratio <= 2 ? 'yes' : 'no'} |`;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
