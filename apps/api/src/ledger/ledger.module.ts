import { DynamicModule, Global, Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { closeEventStore, type EventStore, openEventStore, openSqlClient, type SqlClient } from '@ledger/event-store';
import { allProjections, ProjectionRunner } from '@ledger/projections';
import type { LedgerConfig } from '../config';
import { CommandSender } from './command-sender';
import { DeciderExecutor } from './decider-executor';
import { CLOCK, EVENT_STORE, LEDGER_CONFIG, SQL_CLIENT } from './ledger.tokens';

/** Starts the projections once the app is up, and stops them before the database closes. */
@Injectable()
class LedgerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly projections: ProjectionRunner,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  onApplicationBootstrap() {
    return this.projections.start();
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
      ],
      exports: [LEDGER_CONFIG, CLOCK, SQL_CLIENT, EVENT_STORE, ProjectionRunner, DeciderExecutor, CommandSender],
    };
  }
}
