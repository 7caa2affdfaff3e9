import { openTestEventStore, storagesUnderTest } from '@ledger/testing';
import type { SqlClient } from '@ledger/event-store';
import { FieldSealer } from './field-sealer';
import { SqlSubjectKeyStore } from './sql/sql-subject-key-store';

const subject = 'subj-0123456789abcdef0123456789abcdef';
const requester = { name: 'Jeanne Martin', email: 'jeanne@example.org', phone: null };

describe.each(storagesUnderTest())('sealing with subject keys kept in SQL on the $name store', (storage) => {
  let sql: SqlClient;
  let keys: SqlSubjectKeyStore;
  let sealer: FieldSealer;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ sql, close } = await openTestEventStore(storage));
    keys = await SqlSubjectKeyStore.open(sql);
    sealer = new FieldSealer(keys);
  });
  afterEach(() => close());

  it('creates one key per subject on first use, even when two first uses race', async () => {
    const [a, b] = await Promise.all([keys.keyFor('t1', subject), keys.keyFor('t1', subject)]);
    expect(a).toEqual(b);
    expect(a).toHaveLength(32);
    expect(await keys.keyFor('t2', subject)).not.toEqual(a);
  });

  it('seals many values under their subjects’ keys in one go, creating the missing keys and keeping the existing ones', async () => {
    const other = 'subj-ffffffffffffffffffffffffffffffff';
    const existing = await keys.keyFor('t1', subject);
    const [a, b, c] = await sealer.sealMany('t1', [
      { subjectId: subject, value: 'one' },
      { subjectId: other, value: 'two' },
      { subjectId: subject, value: 'three' },
    ]);
    expect([a.subject, b.subject, c.subject]).toEqual([subject, other, subject]);
    expect(await keys.find('t1', subject)).toEqual(existing);
    expect(await Promise.all([a, b, c].map((field) => sealer.open('t1', field)))).toEqual(['one', 'two', 'three'].map((value) => ({ erased: false, value })));
    expect(await keys.keysFor('t2', [other])).toEqual(new Map([[other, expect.any(Buffer)]]));
    expect((await keys.keysFor('t2', [other])).get(other)).not.toEqual(await keys.find('t1', other));
  });

  it('opens a sealed field while the key exists, and as erased once it is destroyed (crypto-shredding, Art. 17)', async () => {
    const field = await sealer.seal('t1', subject, requester);
    expect(await sealer.open('t1', field)).toEqual({ erased: false, value: requester });
    expect(await keys.destroy('t1', subject)).toBe(true);
    expect(await sealer.open('t1', field)).toEqual({ erased: true });
    expect(await keys.find('t1', subject)).toBeNull();
    expect(await keys.destroy('t1', subject)).toBe(false);
  });

  it('keeps each tenant’s keys apart: erasing a subject in one tenant leaves the other readable', async () => {
    const [one, two] = [await sealer.seal('t1', subject, 'one'), await sealer.seal('t2', subject, 'two')];
    await keys.destroy('t1', subject);
    expect(await sealer.open('t1', one)).toEqual({ erased: true });
    expect(await sealer.open('t2', two)).toEqual({ erased: false, value: 'two' });
  });

  it('opens every sealed field of an event’s data, at any depth, and marks the erased ones', async () => {
    const other = 'subj-ffffffffffffffffffffffffffffffff';
    const data = { requestId: 'r1', requester: await sealer.seal('t1', subject, requester), contacts: [{ who: await sealer.seal('t1', other, 'Paul') }] };
    expect(await sealer.openAll('t1', data)).toEqual({ requestId: 'r1', requester, contacts: [{ who: 'Paul' }] });
    await keys.destroy('t1', subject);
    expect(await sealer.openAll('t1', data)).toEqual({ requestId: 'r1', requester: { erased: true, subject }, contacts: [{ who: 'Paul' }] });
  });
});
