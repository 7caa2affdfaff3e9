#!/usr/bin/env node
import { Command } from 'commander';
import { loadConfig } from '@ledger/api/config';
import { registerFormatOf } from '@ledger/api/exports/register-formats';
import { serve } from '@ledger/api/serve';
import { backup } from './commands/backup.command';
import { demo } from './commands/demo.command';
import { importOptOuts } from './commands/import-opt-outs.command';
import { createKey, listKeys, revokeKey } from './commands/keys.command';
import { rebuild } from './commands/rebuild.command';
import { restore } from './commands/restore.command';
import { exportAuditPack, exportRegister } from './commands/export.command';
import { isZip, verify, verifyAuditPackFile, VerifyOutcome } from './commands/verify.command';
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
  .command('import')
  .description('bulk imports into the ledger')
  .command('opt-outs')
  .description(
    'record the objections (opt-outs) of a CSV file with columns identifier, channel, purpose, source, occurredAt (header row; ' +
      'identifier, channel and occurredAt required); refused rows go to the reject file; importing the same rows again appends nothing',
  )
  .argument('<file>', 'the CSV file')
  .option('--rejects <file>', 'where refused rows go, with their line number and reason (default: FILE.rejects.csv)')
  .option('--default-country <code>', 'country of phone numbers written without +, e.g. FR (default: such numbers are refused)')
  .option('--source <text>', 'the source recorded for rows with an empty source column (default: "opt-out import FILE")')
  .option('--no-progress', 'do not draw the progress bar')
  .action(async (file: string, options: { rejects?: string; defaultCountry?: string; source?: string; progress: boolean }) => void (await importOptOuts(loadConfig(), file, options)));

program
  .command('verify')
  .description(
    'verify offline, with no server or database: a signed checkpoint, a tlog-proof bundle with the event it proves, ' +
      'a consistency bundle or an audit pack (FILE, or - for stdin); exits 0 when verified, 1 with the reason otherwise',
  )
  .argument('[file]', 'checkpoint note, tlog-proof bundle, consistency bundle or audit pack (.zip); - reads stdin')
  .option('--key <key>', 'the verifier key (name+keyhash+base64), or @FILE holding it; optional for an audit pack, which ships one')
  .option('--event <file>', 'the event a tlog-proof bundle proves, as JSON (as `history` returns it)')
  .option('--state <file>', 'keep the newest verified checkpoint here, and refuse any later one not proven to extend it')
  .option('--store', 'instead: re-derive every event hash, stream chain and signed root from the stored events (needs storage access)')
  .option('--no-progress', 'with --store, do not draw the progress bar')
  .action(async (file: string | undefined, options: { key?: string; event?: string; state?: string; store?: boolean; progress: boolean }) => {
    let outcome: VerifyOutcome;
    if (options.store) outcome = await verifyStore(loadConfig(), options);
    else if (file && isZip(file)) outcome = await verifyAuditPackFile(file, { key: options.key });
    else if (!file || !options.key) outcome = { ok: false, line: 'malformed: give the FILE to verify and --key (or use --store)' };
    else outcome = verify(file, { key: options.key, event: options.event, state: options.state });
    (outcome.ok ? process.stdout : process.stderr).write(`${outcome.line}\n`);
    process.exitCode = outcome.ok ? 0 : 1;
  });

const exportCommand = program
  .command('export')
  .description('exports for controllers and auditors, read from the store directly (stop the service first on the embedded store; a running service serves them at /exports/...)');

exportCommand
  .command('register')
  .description('the Art. 30 register at a point in time, with the signed checkpoint it is derived from')
  .option('--as-of <date>', 'valid time (ISO 8601); default now')
  .option('--known-at <timestampOrTreeSize>', 'what the ledger knew: a timestamp, or a tree size')
  .option('--format <format>', 'csv, json or pdf', 'json')
  .option('--record <record>', 'PROCESSOR: Art. 30(2) records kept for controllers; CONTROLLER: the Art. 30(1) record of your own processing', 'PROCESSOR')
  .option('--controller <controllerId>', 'only the records kept for this controller')
  .option('--out <file>', 'write here instead of stdout')
  .action(async (options) => {
    const record = String(options.record).toUpperCase();
    if (record !== 'PROCESSOR' && record !== 'CONTROLLER') throw new Error(`--record must be PROCESSOR or CONTROLLER, got "${options.record}"`);
    await exportRegister(loadConfig(), { ...options, format: registerFormatOf(options.format), record });
  });

exportCommand
  .command('audit-pack')
  .description('one zip for an auditor: register snapshot, every event concerning the controller, the checkpoint, a proof per event, the verifier key; check it with `ledger verify FILE.zip`')
  .requiredOption('--controller <controllerId>', 'the controller the pack is for')
  .option('--as-of <date>', 'valid time (ISO 8601); default now')
  .option('--known-at <timestampOrTreeSize>', 'what the ledger knew: a timestamp, or a tree size')
  .option('--out <file>', 'the zip to write (default stdout)')
  .option('--no-progress', 'do not draw the progress bar')
  .action((options) => exportAuditPack(loadConfig(), options));

const keysCommand = program
  .command('keys')
  .description('API keys, read and written in the store directly (stop the service first on the embedded store; while it runs, use the createApiKey / revokeApiKey mutations with an admin key)');

keysCommand
  .command('create')
  .description('issue a key and print it once on stdout; a new --tenant creates that tenant')
  .requiredOption('--name <name>', 'who holds the key (recorded as the actor of what it does)')
  .requiredOption('--role <role>', 'admin, processor, controller or auditor')
  .option('--tenant <tenantId>', 'the tenant the key opens', 'default')
  .option('--controller <controllerId>', 'confine a controller (required) or auditor key to one relationship')
  .option('--expires <timestamp>', 'refuse the key from then on (ISO 8601)')
  .action((options) => createKey(loadConfig(), options));

keysCommand
  .command('list')
  .description('every key (id, tenant, role, relationship, name, state), never a secret')
  .option('--tenant <tenantId>', 'only this tenant\'s keys')
  .action((options: { tenant?: string }) => listKeys(loadConfig(), options));

keysCommand
  .command('revoke')
  .description('revoke a key: refused from the next request on')
  .argument('<keyId>', 'the key id (the part after ledger_)')
  .option('--reason <text>', 'why, kept in the ledger')
  .action((keyId: string, options: { reason?: string }) => revokeKey(loadConfig(), keyId, options));

program
  .command('backup')
  .description('copy the embedded store and its key files into one file, consistently, while the service runs (PORT or --url) or not; PostgreSQL: docs/operations.md')
  .requiredOption('--out <file>', 'the backup file to create (it holds the keys: kept readable by its owner only)')
  .option('--url <url>', 'the running service, when not at http://127.0.0.1:$PORT')
  .action((options: { out: string; url?: string }) => backup(loadConfig(), options));

program
  .command('restore')
  .description('restore a `ledger backup` file into an empty LEDGER_DATA_DIR (store and key files); then run `ledger verify --store`')
  .argument('<file>', 'the backup file')
  .action((file: string) => restore(loadConfig(), file));

program.parseAsync().catch((error) => {
  console.error(`ledger: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
