import { loadConfig } from './config';
import { serve } from './serve';
import { scrubSecrets } from './observability/logger';

/** A service that cannot start says why in one line on stderr, and exits 1. */
function refuse(error: unknown): never {
  process.stderr.write(`ledger: cannot start: ${scrubSecrets(error instanceof Error ? error.message : String(error)).split('\n')[0]}\n`);
  process.exit(1);
}

try {
  serve(loadConfig()).catch(refuse);
} catch (error) {
  refuse(error);
}
