import { embeddedDataDir } from '@ledger/testing';
import { eventStoreContract } from '../contract/event-store.contract';
import { embeddedClient } from './embedded-client';
import { SqlEventStore } from './sql-event-store';

eventStoreContract('embedded (PGlite)', async () => {
  const dir = await embeddedDataDir();
  const sql = await embeddedClient(dir.path);
  const store = await SqlEventStore.open(sql, { pollIntervalMs: 20 });
  return {
    store,
    sql,
    async close() {
      await sql.close();
      dir.remove();
    },
  };
});
