import { NestFactory } from '@nestjs/core';
import { AppModule } from '@ledger/api/app.module';
import { describeStorage, type LedgerConfig } from '@ledger/api/config';
import { type DemoOutcome, demoReport, loadDemo } from '../demo';

/**
 * Loads three processors' past year through the service's command path and prints where to look.
 * Safe to run again: every command id is fixed, so a second run replays and appends nothing.
 */
export async function demo(config: LedgerConfig, write: (text: string) => void = (text) => process.stdout.write(text)): Promise<DemoOutcome[]> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false });
  try {
    const outcomes = await loadDemo(app);
    write(`${demoReport(outcomes, describeStorage(config))}\n`);
    return outcomes;
  } finally {
    await app.close();
  }
}
