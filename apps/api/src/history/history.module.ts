import { Module } from '@nestjs/common';
import { migrate, type SqlClient } from '@ledger/event-store';
import { EVENT_STORE, SQL_CLIENT } from '../ledger/ledger.tokens';
import { historyMigrations } from './history.migrations';
import { HistoryResolver } from './history.resolver';
import { HistoryService } from './history.service';

const HISTORY_SCHEMA = Symbol('HISTORY_SCHEMA');

/** Every record's events for auditors, with their causes (DESIGN.md, Time and Integrity). */
@Module({
  providers: [
    // After the event store, whose table the index is on.
    { provide: HISTORY_SCHEMA, inject: [SQL_CLIENT, EVENT_STORE], useFactory: (sql: SqlClient) => migrate(sql, 'history', historyMigrations) },
    HistoryService,
    HistoryResolver,
  ],
})
export class HistoryModule {}
