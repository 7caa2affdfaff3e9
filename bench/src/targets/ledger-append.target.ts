import { InstructionReceived, INSTRUCTION_SCHEMA_VERSION } from '@ledger/domain';
import { NO_STREAM, openSqlClient, SqlEventStore } from '@ledger/event-store';
import { v7 as uuidv7 } from 'uuid';
import { ACTOR, EVENT_TYPE, nextInstruction, streamOf, TENANT } from '../workload';
import { averageLedgerRowBytes } from './ledger.target';
import { Target } from './target';

/**
 * Diagnostic: SqlEventStore.append alone (hash chain, one INSERT ... RETURNING), with the event
 * that decide would return, but no Nest, no command bus, no decider and no projection runner.
 * Its gap to the full command path is what the layers above the store cost.
 */
export async function openLedgerAppendOnly(storage: { databaseUrl?: string; dataDir: string }): Promise<Target> {
  const sql = await openSqlClient(storage);
  const store = await SqlEventStore.open(sql);
  return {
    async write() {
      const data = nextInstruction();
      const event: InstructionReceived = { type: EVENT_TYPE, schemaVersion: INSTRUCTION_SCHEMA_VERSION, occurredAt: new Date(), data };
      const commandId = uuidv7();
      await store.append(streamOf(data), NO_STREAM, [event], {
        tenantId: TENANT,
        actor: ACTOR,
        commandId,
        correlationId: uuidv7(),
        causationId: commandId,
      });
    },
    rowBytes: () => averageLedgerRowBytes(sql),
    close: () => sql.close(),
  };
}
