#!/usr/bin/env node
import { Command } from 'commander';
import { loadConfig } from '@ledger/api/config';
import { serve } from '@ledger/api/serve';
import { rebuild } from './commands/rebuild.command';

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

program.parseAsync().catch((error) => {
  console.error(`ledger: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
