#!/usr/bin/env node
import { Command } from 'commander';
import { loadConfig } from '@ledger/api/config';
import { serve } from '@ledger/api/serve';
import { demo } from './commands/demo.command';
import { rebuild } from './commands/rebuild.command';
import { verify, VerifyOutcome } from './commands/verify.command';
import { verifyStore } from './commands/verify-store.command';

const program = new Command()
  .name('ledger')
  .description('GDPR compliance ledger. Storage comes from DATABASE_URL, or the embedded store in LEDGER_DATA_DIR (./data).')
  .showHelpAfterError();

program
  .command('serve')
  .description('run the GraphQL API (PORT, default 3000)')
  .action(() => serve(loadConfig()));

program
  .command('rebuild')
  .description('empty every read model and replay the whole event log into it (stop the service first on the embedded store)')
  .option('--no-progress', 'do not draw the progress bar')
  .action((options: { progress: boolean }) => rebuild(loadConfig(), options));

program
  .command('demo')
  .description('load a year of history for three example processors through the command path (idempotent: a second run appends nothing)')
  .action(async () => void (await demo(loadConfig())));

program
  .command('verify')
  .description(
    'verify offline, with no server or database: a signed checkpoint, a tlog-proof bundle with the event it proves, ' +
      'or a consistency bundle (FILE, or - for stdin); exits 0 when verified, 1 with the reason otherwise',
  )
  .argument('[file]', 'checkpoint note, tlog-proof bundle or consistency bundle; - reads stdin')
  .option('--key <key>', 'the verifier key (name+keyhash+base64), or @FILE holding it')
  .option('--event <file>', 'the event a tlog-proof bundle proves, as JSON (as `history` returns it)')
  .option('--state <file>', 'keep the newest verified checkpoint here, and refuse any later one not proven to extend it')
  .option('--store', 'instead: re-derive every event hash, stream chain and signed root from the stored events (needs storage access)')
  .option('--no-progress', 'with --store, do not draw the progress bar')
  .action(async (file: string | undefined, options: { key?: string; event?: string; state?: string; store?: boolean; progress: boolean }) => {
    let outcome: VerifyOutcome;
    if (options.store) outcome = await verifyStore(loadConfig(), options);
    else if (!file || !options.key) outcome = { ok: false, line: 'malformed: give the FILE to verify and --key (or use --store)' };
    else outcome = verify(file, { key: options.key, event: options.event, state: options.state });
    (outcome.ok ? process.stdout : process.stderr).write(`${outcome.line}\n`);
    process.exitCode = outcome.ok ? 0 : 1;
  });

program.parseAsync().catch((error) => {
  console.error(`ledger: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
