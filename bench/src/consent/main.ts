import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { QueryBus } from '@nestjs/cqrs';
import { Command } from 'commander';
import { AppModule } from '@ledger/api/app.module';
import { loadConfig } from '@ledger/api/config';
import { CheckContactPermissions } from '@ledger/api/consent/contact-permission.queries';
import { DEFAULT_TENANT } from '@ledger/api/ledger/request-context';
import { importOptOuts } from '../../../apps/cli/src/commands/import-opt-outs.command';
import { createScratchDatabase } from '../scratch-database';

interface ConsentFigures {
  store: string;
  rows: number;
  importSeconds: number;
  rowsPerSecond: number;
  subjects: number;
  /** contactPermissions for the whole list, in process (query bus, no HTTP): median and worst of the runs. */
  medianMs: number;
  worstMs: number;
}

/** An opt-out file of `rows` rows: half e-mails, half French mobiles, so both normalisers work. */
function writeOptOuts(file: string, rows: number): void {
  const lines = ['identifier,channel,purpose,source,occurredAt'];
  for (let i = 0; i < rows; i++)
    lines.push(i % 2 ? `+3361${String(i).padStart(7, '0')},SMS,,bench,2026-05-01` : `prospect${i}@example.org,EMAIL,,bench,2026-05-01`);
  writeFileSync(file, `${lines.join('\n')}\n`);
}

async function measure(store: string, env: Record<string, string>, rows: number, subjects: number, runs: number, dir: string): Promise<ConsentFigures> {
  const config = loadConfig(env);
  const file = join(dir, 'opt-outs.csv');
  writeOptOuts(file, rows);
  const started = performance.now();
  await importOptOuts(config, file, { progress: process.stderr.isTTY, batchSize: 2_000 }, () => undefined);
  const importSeconds = (performance.now() - started) / 1000;

  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false });
  try {
    // Half the list was imported (every other e-mail is an opt-out), half is unknown.
    const list = Array.from({ length: subjects }, (_, i) => `prospect${i}@example.org`);
    const timings: number[] = [];
    for (let run = 0; run < runs; run++) {
      const t = performance.now();
      const answers = await app.get(QueryBus).execute(new CheckContactPermissions(DEFAULT_TENANT, list, { channel: 'EMAIL', audience: 'B2B', purpose: 'launch' }));
      timings.push(performance.now() - t);
      if (answers.filter((a) => !a.allowed).length !== Math.ceil(subjects / 2)) throw new Error('contactPermissions gave a wrong answer');
    }
    timings.sort((a, b) => a - b);
    return { store, rows, importSeconds, rowsPerSecond: rows / importSeconds, subjects, medianMs: timings[Math.floor(runs / 2)], worstMs: timings[runs - 1] };
  } finally {
    await app.close();
  }
}

/** `npm run bench` part: opt-out import rate and contactPermissions latency, embedded store and PostgreSQL. */
async function main() {
  const options = new Command()
    .option('--rows <n>', 'opt-out rows imported', (v) => Number(v), 100_000)
    .option('--subjects <n>', 'subjects per contactPermissions call', (v) => Number(v), 10_000)
    .option('--runs <n>', 'contactPermissions calls timed', (v) => Number(v), 7)
    .option('--stores <list>', 'embedded,postgres', 'embedded,postgres')
    .option('--database-url <url>', 'PostgreSQL server for a scratch database', process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test')
    .parse()
    .opts<{ rows: number; subjects: number; runs: number; stores: string; databaseUrl: string }>();
  const figures: ConsentFigures[] = [];
  for (const store of options.stores.split(',')) {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-consent-'));
    const scratch = store === 'postgres' ? await createScratchDatabase(options.databaseUrl) : null;
    try {
      const env = { LEDGER_DATA_DIR: dir, ...(scratch ? { DATABASE_URL: scratch.url } : {}), LEDGER_PSEUDONYM_KEY: Buffer.alloc(32, 7).toString('base64') };
      figures.push(await measure(store === 'postgres' ? 'PostgreSQL' : 'embedded', env, options.rows, options.subjects, options.runs, dir));
    } finally {
      await scratch?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  process.stdout.write('\nConsent: opt-out import and contactPermissions\n');
  process.stdout.write('| store | rows imported | import time | rows/s | subjects per check | contactPermissions median | worst |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n');
  for (const f of figures)
    process.stdout.write(
      `| ${f.store} | ${f.rows.toLocaleString('en')} | ${f.importSeconds.toFixed(1)} s | ${Math.round(f.rowsPerSecond).toLocaleString('en')} | ${f.subjects.toLocaleString('en')} | ${f.medianMs.toFixed(0)} ms | ${f.worstMs.toFixed(0)} ms |\n`,
    );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
