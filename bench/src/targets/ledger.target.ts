import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { AppModule } from '@ledger/api/app.module';
import { LedgerConfig, loadConfig } from '@ledger/api/config';
import { ExecuteInstructionCommand } from '@ledger/api/instructions/instruction.commands';
import { EVENT_STORE, SQL_CLIENT } from '@ledger/api/ledger/ledger.tokens';
import { ProjectionRunner } from '@ledger/projections';
import { EventStore, Position, SqlClient } from '@ledger/event-store';
import { performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';
import { ACTOR, nextInstruction, TENANT } from '../workload';
import { ensureAgreements } from './agreements';
import { Target } from './target';

export interface LedgerTargetOptions {
  /** PostgreSQL connection string; absent means the embedded store in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** Diagnostic: stop the projection runner once the service is up, to see what it costs the writers. */
  withoutProjections?: boolean;
}

export async function averageLedgerRowBytes(sql: SqlClient): Promise<number> {
  const [row] = await sql.query<{ bytes: string | null }>('SELECT avg(pg_column_size(e.*))::text AS bytes FROM ledger_events e');
  return Number(row?.bytes ?? 0);
}

/**
 * Our store as the service runs it, minus HTTP: the Nest application context of AppModule
 * (command bus, decider executor, SQL event store) fed ExecuteInstructionCommand as the
 * receiveInstruction resolver builds it (which loads the controller's agreement, then appends to a
 * new stream). Everything else the service runs in the background
 * runs too and competes for the same CPU and database: the projection runner (every read model
 * and the Merkle sealer, each on its own subscription) and the checkpoint signer. The resolver's
 * wait for the projections (read-your-writes) is not included; `settle` measures the catch-up.
 */
export async function openLedger(options: LedgerTargetOptions): Promise<Target> {
  const config: LedgerConfig = loadConfig({ DATABASE_URL: options.databaseUrl, LEDGER_DATA_DIR: options.dataDir, PORT: '0' });
  const app: INestApplicationContext = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false });
  await ensureAgreements(app);
  const commands = app.get(CommandBus);
  const sql = app.get<SqlClient>(SQL_CLIENT);
  const store = app.get<EventStore>(EVENT_STORE);
  const projections = app.get(ProjectionRunner);
  if (options.withoutProjections) await projections.stop();
  let last: Position | null = null;
  return {
    async write() {
      const { instructionId, controllerId, subject, text, channel, documentSha256 } = nextInstruction();
      const request = {
        type: 'ReceiveInstruction' as const,
        data: { instructionId, controllerId, subject, text, channel, documentSha256, occurredAt: new Date() },
      };
      const meta = { tenantId: TENANT, actor: ACTOR, correlationId: uuidv7(), commandId: uuidv7() };
      const { write } = await commands.execute(new ExecuteInstructionCommand(request, meta));
      const position = write.events[write.events.length - 1].position;
      if (last === null || store.comparePositions(position, last) > 0) last = position;
    },
    async settle() {
      if (options.withoutProjections || last === null) return 0;
      const start = performance.now();
      if (!(await projections.waitFor(last, 120_000))) throw new Error('projections did not catch up within 2 minutes');
      return performance.now() - start;
    },
    rowBytes: () => averageLedgerRowBytes(sql),
    close: () => app.close(),
  };
}
