import { startEventStoreDbDouble } from '../../../../test/support/eventstoredb-double';
import { eventStoreContract } from '../contract/event-store.contract';
import { openEsdbSubject } from './testing/esdb-test-subject';

// The adapter's code over the real client, against a DOUBLE of EventStoreDB's gRPC Streams API.
// This is not a run against EventStoreDB: see esdb.contract.spec.ts for that.
eventStoreContract(
  'EventStoreDB adapter against the in-memory gRPC DOUBLE (not a real EventStoreDB)',
  async () => {
    const double = await startEventStoreDbDouble();
    return openEsdbSubject(double.connectionString, double.close);
  },
  { sqlTables: false },
);
