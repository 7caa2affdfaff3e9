import { Global, Module } from '@nestjs/common';
import type { SqlClient } from '@ledger/event-store';
import { FieldSealer, Pseudonyms, SqlSubjectKeyStore, type SubjectKeyStore } from '@ledger/privacy';
import type { LedgerConfig } from '../config';
import { EVENT_STORE, LEDGER_CONFIG, SQL_CLIENT } from '../ledger/ledger.tokens';
import { loadPseudonymKey } from './pseudonym-key';
import { SUBJECT_KEY_STORE } from './privacy.tokens';
import { EraseSubjectHandler } from './subject-erasure.commands';
import { SubjectErasureResolver } from './subject-erasure.resolver';

/** Subject keys, sealing and pseudonyms for every concept that records personal data, and erasure. */
@Global()
@Module({
  providers: [
    // After the event store: two first migrations at once race to create the migrations table on PostgreSQL.
    { provide: SUBJECT_KEY_STORE, inject: [SQL_CLIENT, EVENT_STORE], useFactory: (sql: SqlClient) => SqlSubjectKeyStore.open(sql) },
    { provide: FieldSealer, inject: [SUBJECT_KEY_STORE], useFactory: (keys: SubjectKeyStore) => new FieldSealer(keys) },
    { provide: Pseudonyms, inject: [LEDGER_CONFIG], useFactory: (config: LedgerConfig) => new Pseudonyms(loadPseudonymKey(config.dataDir)) },
    EraseSubjectHandler,
    SubjectErasureResolver,
  ],
  exports: [SUBJECT_KEY_STORE, FieldSealer, Pseudonyms],
})
export class PrivacyModule {}
