import { Module } from '@nestjs/common';
import type { EventStore, SqlClient } from '@ledger/event-store';
import { FieldSealer } from '@ledger/privacy';
import type { LedgerConfig } from '../config';
import { CheckpointsModule } from '../checkpoints/checkpoints.module';
import { SigningKeys } from '../checkpoints/signing-keys';
import { EVENT_STORE, LEDGER_CONFIG, SQL_CLIENT } from '../ledger/ledger.tokens';
import type { ExportSources } from './export-sources';
import { ExportsController } from './exports.controller';
import { EXPORT_SOURCES } from './exports.tokens';

/** Register exports and audit packs as downloads (docs/audit-pack.md). */
@Module({
  imports: [CheckpointsModule],
  providers: [
    {
      provide: EXPORT_SOURCES,
      inject: [SQL_CLIENT, EVENT_STORE, FieldSealer, SigningKeys, LEDGER_CONFIG],
      useFactory: (sql: SqlClient, store: EventStore, sealer: FieldSealer, keys: SigningKeys, config: LedgerConfig): ExportSources => ({
        sql,
        store,
        sealer,
        origin: config.checkpoints.origin,
        verifierKey: keys.verifierKey,
      }),
    },
  ],
  controllers: [ExportsController],
})
export class ExportsModule {}
