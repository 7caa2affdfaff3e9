import { Logger } from '@nestjs/common';
import { createApp } from './app';
import { describeStorage, LedgerConfig } from './config';

export async function serve(config: LedgerConfig): Promise<void> {
  const app = await createApp(config);
  await app.listen(config.port);
  const logger = new Logger('Ledger');
  logger.log(`GraphQL and GraphiQL at http://localhost:${config.port}/graphql, health at /health`);
  logger.log(`events kept in the ${describeStorage(config)}`);
}
