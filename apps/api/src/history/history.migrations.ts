import type { Migration } from '@ledger/event-store';

/**
 * Lets `causes` find the events of one correlation without scanning the tenant's log. An index
 * only: ledger_events stays as the event store wrote it. Skipped where the events live elsewhere
 * (EventStoreDB), since then there is no such table.
 */
export const historyMigrations: Migration[] = [
  {
    version: 1,
    statements: [
      `DO $$ BEGIN
         IF to_regclass('ledger_events') IS NOT NULL THEN
           CREATE INDEX IF NOT EXISTS ledger_events_correlation ON ledger_events (tenant_id, (metadata->>'correlationId'));
         END IF;
       END $$`,
    ],
  },
];
