import { describeStorage, loadConfig } from './config';

describe('EventStoreDB mode configuration', () => {
  const postgres = 'postgres://ledger:secret@db:5432/ledger';

  it('refuses EVENTSTORE_CONNECTION_STRING without DATABASE_URL, in one line that names what is missing', () => {
    expect(() => loadConfig({ EVENTSTORE_CONNECTION_STRING: 'esdb://eventstore:2113?tls=false' })).toThrow(
      /^EVENTSTORE_CONNECTION_STRING needs DATABASE_URL: [^\n]*PostgreSQL$/,
    );
  });

  it('refuses a connection string that is not esdb://, without echoing it', () => {
    let message = '';
    try {
      loadConfig({ EVENTSTORE_CONNECTION_STRING: 'http://admin:changeit@eventstore:2113', DATABASE_URL: postgres });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('EVENTSTORE_CONNECTION_STRING must start with esdb:// or esdb+discover://');
  });

  it('describes where events and read models live, without credentials', () => {
    const config = loadConfig({ EVENTSTORE_CONNECTION_STRING: 'esdb://admin:changeit@node1:2113,node2:2113?tls=false', DATABASE_URL: postgres });
    expect(describeStorage(config)).toBe('EventStoreDB at node1:2113,node2:2113 (read models in PostgreSQL at db:5432/ledger)');
    expect(describeStorage(loadConfig({ DATABASE_URL: postgres }))).toBe('PostgreSQL at db:5432/ledger');
  });
});
