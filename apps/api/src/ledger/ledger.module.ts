import { DynamicModule, Global, Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { closeEventStore, type EventStore, isolateTenants, openEventStore, openSqlClient, type SqlClient } from '@ledger/event-store';
import { allProjections, ProjectionRunner } from '@ledger/projections';
import type { LedgerConfig } from '../config';
import { CommandSender } from './command-sender';
import { DeciderExecutor } from './decider-executor';
import { CLOCK, EVENT_STORE, LEDGER_CONFIG, SQL_CLIENT } from './ledger.tokens';
import { TenantReads } from './tenant-reads';

/**
 * Once every module has migrated its tables: row-level security on each table with a tenant, then
 * the projections. Stops them before the database closes.
 */
@Injectable()
class LedgerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly projections: ProjectionRunner,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async onApplicationBootstrap() {
    await isolateTenants(this.sql);
    await this.projections.start();
  }

  async onApplicationShutdown() {
    await this.projections.stop();
    await closeEventStore(this.store);
    await this.sql.close();
  }
}

/** The storage side of the service: SQL client, event store, projections. */
@Global()
export class LedgerModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    return {
      module: LedgerModule,
      providers: [
        { provide: LEDGER_CONFIG, useValue: config },
        { provide: CLOCK, useValue: () => new Date() },
        { provide: SQL_CLIENT, useFactory: () => openSqlClient(config) },
        {
          provide: EVENT_STORE,
          inject: [SQL_CLIENT],
          useFactory: (sql: SqlClient) => openEventStore(config, sql),
        },
        {
          provide: ProjectionRunner,
          inject: [SQL_CLIENT, EVENT_STORE],
          useFactory: async (sql: SqlClient, store: EventStore) => {
            const runner = new ProjectionRunner(sql, store, allProjections);
            await runner.migrate();
            return runner;
          },
        },
        LedgerLifecycle,
        DeciderExecutor,
        CommandSender,
        TenantReads,
      ],
      exports: [LEDGER_CONFIG, CLOCK, SQL_CLIENT, EVENT_STORE, ProjectionRunner, DeciderExecutor, CommandSender, TenantReads],
    };
  }
}
