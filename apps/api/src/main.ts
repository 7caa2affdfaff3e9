import { Logger } from '@nestjs/common';
import { createApp } from './app';
import { describeStorage, loadConfig } from './config';

async function main() {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port);
  const logger = new Logger('Ledger');
  logger.log(`GraphQL and GraphiQL at http://localhost:${config.port}/graphql, health at /health`);
  logger.log(`events kept in the ${describeStorage(config)}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
