import { randomBytes } from 'node:crypto';
import type { EventStore } from '@ledger/event-store';
import { FieldSealer, Pseudonyms, SqlSubjectKeyStore } from '@ledger/privacy';
import { openTestEventStore, storagesUnderTest, type TestEventStore } from '@ledger/testing';
import { ConsentSubjectPrivacy } from './consent-subject-privacy';
import { OptOutImport, type OptOutRow } from './opt-out-import';

const ctx = { tenantId: 't1', actor: { id: 'ledger-cli', role: 'processor', keyId: null }, correlationId: 'import' };
const rows: OptOutRow[] = [
  { line: 2, identifier: 'jeanne@example.org', channel: 'EMAIL', occurredAt: '2026-05-01' },
  { line: 3, identifier: '+33 6 12 34 56 78', channel: 'sms', purpose: 'Launch', occurredAt: '2026-05-01' },
  { line: 4, identifier: 'JEANNE@example.org', channel: 'POST', occurredAt: '2026-05-02' },
  { line: 5, identifier: 'jeanne@example.org', channel: 'PHONE', occurredAt: '2026-05-02' },
];

/** The same store seen without its bulk operations, as an adapter that lacks them. */
const BULK = ['appendMany', 'readStreams', 'findCommands'];
const portOnly = (store: EventStore): EventStore => new Proxy(store, { has: (target, name) => !BULK.includes(String(name)) && name in target });

describe.each(storagesUnderTest())('importing opt-outs in batches on the $name store', (storage) => {
  let db: TestEventStore;
  let sealer: FieldSealer;
  let subjects: ConsentSubjectPrivacy;
  beforeEach(async () => {
    db = await openTestEventStore(storage);
    sealer = new FieldSealer(await SqlSubjectKeyStore.open(db.sql));
    subjects = new ConsentSubjectPrivacy(sealer, new Pseudonyms(randomBytes(32)));
  });
  afterEach(() => db.close());

  it.each([
    ['in bulk', (store: EventStore) => store],
    ['one command at a time, on a store without bulk operations', portOnly],
  ])('appends each valid row once, %s, and nothing when the rows come again', async (_, storeOf) => {
    const importer = new OptOutImport(storeOf(db.store), () => new Date('2026-06-01T00:00:00Z'), subjects, sealer);
    const first = await importer.importBatch(ctx, rows, { defaultSource: 'list' });
    expect(first).toMatchObject({ appended: 3, alreadyImported: 0, rejected: [{ line: 5, reason: expect.stringMatching(/needs a phone number/) }] });
    const jeanne = subjects.identify('jeanne@example.org');
    const stream = await db.store.readStream('t1', `consent-${jeanne.subjectId}`);
    expect(stream.map((e) => [e.type, (e.data as { channel: string }).channel, e.revision])).toEqual([['ObjectionRecorded', 'EMAIL', 0], ['ObjectionRecorded', 'POST', 1]]);
    expect(await sealer.open('t1', (stream[0].data as { subject: never }).subject)).toEqual({ erased: false, value: { kind: 'email', value: 'jeanne@example.org' } });
    expect(await importer.importBatch(ctx, rows, { defaultSource: 'list' })).toMatchObject({ appended: 0, alreadyImported: 3, lastPosition: null });
    expect(await db.store.countEvents()).toBe(3);
  });
});
