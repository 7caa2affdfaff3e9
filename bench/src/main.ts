import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cleanup } from './cleanup';
import { describeMachine } from './machine';
import { parseOptions } from './options';
import { planCases } from './plan';
import { Progress } from './progress';
import { formatReport } from './report';
import { runPlan } from './run-plan';
import { writeSamplesJson } from './samples-json';
import { createScratchDatabase } from './scratch-database';
import { WalProbe } from './wal-probe';

/** `npm run bench`: see docs/benchmarks.md for what is measured and how to read it. */
async function main(): Promise<void> {
  const options = parseOptions(process.argv);
  const cleanup = new Cleanup();
  cleanup.onSignals();
  const progress = new Progress();
  const loadBefore = loadavg();
  try {
    const usesPostgres = options.backends.includes('postgres');
    const machine = await describeMachine(usesPostgres ? options.databaseUrl : null);
    const tempDir = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
    cleanup.add('remove temporary directory', async () => rmSync(tempDir, { recursive: true, force: true }));
    let scratchUrl: string | null = null;
    let wal: WalProbe | null = null;
    if (usesPostgres) {
      const scratch = await createScratchDatabase(options.databaseUrl);
      cleanup.add(`drop database ${scratch.name}`, scratch.drop);
      process.stderr.write(`scratch database ${scratch.name}\n`);
      scratchUrl = scratch.url;
      wal = await WalProbe.open(scratch.url);
      cleanup.add('close WAL probe', () => wal!.close());
    }
    cleanup.add('stop progress bar', async () => progress.stop());
    const { samples, rowSizes } = await runPlan(planCases(options, scratchUrl, tempDir), options, progress, cleanup, wal);
    progress.stop();
    process.stdout.write(formatReport(machine, options, samples, rowSizes, { before: loadBefore, after: loadavg() }));
    if (options.json) writeSamplesJson(options.json, machine, options, samples);
  } finally {
    await cleanup.runAll();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
