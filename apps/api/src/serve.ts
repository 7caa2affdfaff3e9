import { AccessBootstrap } from './access/access.bootstrap';
import { createApp } from './app';
import { describeStorage, LedgerConfig } from './config';
import { checkStartup } from './health/startup-checks';
import { createLogger, PinoLoggerService } from './observability/logger';

/** In-flight requests get this long to finish after SIGTERM before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 30_000;

/**
 * Checks the environment, serves, and on SIGTERM (or SIGINT) shuts down gracefully: stops
 * accepting connections, lets in-flight commands finish (each answers once its read models show
 * it), stops the projections after their current batch (their checkpoints commit with it), waits
 * for a checkpoint being signed, closes the store, and exits 0.
 */
export async function serve(config: LedgerConfig): Promise<void> {
  const pino = createLogger(config.logLevel ?? 'info');
  const logger = new PinoLoggerService(pino);
  await checkStartup(config);
  const app = await createApp(config, { logger });
  await app.get(AccessBootstrap).ensureAdminKey();
  await app.listen(config.port);
  // The port listened on: PORT=0 asks the system for a free one.
  const { port } = app.getHttpServer().address() as { port: number };
  logger.log(`GraphQL and GraphiQL at http://localhost:${port}/graphql, health at /health/live and /health/ready, metrics at /metrics`, 'Ledger');
  logger.log(`events kept in the ${describeStorage(config)}`, 'Ledger');

  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log({ msg: 'shutting down', signal }, 'Ledger');
    setTimeout(() => {
      logger.error({ msg: `in-flight work did not finish within ${SHUTDOWN_GRACE_MS / 1000} s; exiting` }, undefined, 'Ledger');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    try {
      await app.close();
      logger.log({ msg: 'stopped' }, 'Ledger');
      pino.flush();
      process.exit(0);
    } catch (error) {
      logger.error(error, undefined, 'Ledger');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
