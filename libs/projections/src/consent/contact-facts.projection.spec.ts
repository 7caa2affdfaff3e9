import { type ConsentEvent, ConsentEvents, consentStream, type ContactChannel } from '@ledger/domain';
import type { SqlClient, SqlEventStore } from '@ledger/event-store';
import { subjectStream } from '@ledger/privacy';
import { appendNewStream, openTestEventStore, projectUpTo, storagesUnderTest } from '@ledger/testing';
import { contactFactsProjection } from './contact-facts.projection';
import { findContactFacts } from './contact-facts.queries';

const at = (day: number) => new Date(Date.UTC(2026, 4, day, 9));
const jeanne = { subjectId: 'subj-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', identifierHash: 'a'.repeat(64) };
const paul = { subjectId: 'subj-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', identifierHash: 'b'.repeat(64) };
/** What the store holds: the identifier sealed (a stand-in here), the pseudonyms in clear. */
const sealed = (subjectId: string) => ({ sealed: 'v1', subject: subjectId });
const fact = (type: ConsentEvent['type'], who: typeof jeanne, channel: ContactChannel, purpose: string | null, day: number): ConsentEvent =>
  ({ type, schemaVersion: 1, occurredAt: at(day), data: { ...who, subject: sealed(who.subjectId), channel, purpose, source: 'form' } }) as ConsentEvent;

describe.each(storagesUnderTest())('the suppression list and consents (rm_contact_facts) on the $name store', (storage) => {
  let sql: SqlClient;
  let store: SqlEventStore;
  let close: () => Promise<void>;
  beforeEach(async () => ({ sql, store, close } = await openTestEventStore(storage, { pollIntervalMs: 20 })));
  afterEach(() => close());

  it('keeps each identifier’s facts for a channel in log order, keyed by its keyed hash only, and marks an erasure without dropping objections', async () => {
    await appendNewStream(store, 't1', consentStream(jeanne.subjectId), [
      fact(ConsentEvents.Given, jeanne, 'EMAIL', 'newsletter', 1),
      fact(ConsentEvents.ObjectionRecorded, jeanne, 'SMS', null, 2),
      fact(ConsentEvents.Withdrawn, jeanne, 'EMAIL', 'newsletter', 3),
    ]);
    await appendNewStream(store, 't2', consentStream(paul.subjectId), [fact(ConsentEvents.ObjectionRecorded, paul, 'EMAIL', null, 1)]);
    const erased = await appendNewStream(store, 't1', subjectStream(jeanne.subjectId), [
      { type: 'SubjectErased', schemaVersion: 1, occurredAt: at(4), data: { subjectId: jeanne.subjectId, ground: 'OBJECTION', reason: 'granted' } },
    ]);
    await projectUpTo(sql, store, [contactFactsProjection], erased);

    const facts = await findContactFacts(sql, 't1', [jeanne.identifierHash, paul.identifierHash, 'c'.repeat(64)], 'EMAIL');
    expect(facts.get(jeanne.identifierHash)!.map((f) => [f.kind, f.channel, f.purpose, f.occurredAt.toISOString()])).toEqual([
      ['CONSENT', 'EMAIL', 'newsletter', at(1).toISOString()],
      ['WITHDRAWAL', 'EMAIL', 'newsletter', at(3).toISOString()],
      ['ERASURE', null, null, at(4).toISOString()],
    ]);
    expect(facts.get(paul.identifierHash)).toEqual([]); // another tenant's
    expect(facts.get('c'.repeat(64))).toEqual([]);
    expect((await findContactFacts(sql, 't1', [jeanne.identifierHash], 'SMS')).get(jeanne.identifierHash)!.map((f) => f.kind)).toEqual(['OBJECTION', 'ERASURE']);

    // Rebuilt from the log after the erasure (the identifiers themselves unreadable), the list is the same.
    const before = await sql.query('SELECT tenant_id, identifier_hash, event_id, kind, channel, purpose FROM rm_contact_facts ORDER BY seq');
    const runner = await projectUpTo(sql, store, [contactFactsProjection], erased);
    await runner.rebuild();
    expect(await sql.query('SELECT tenant_id, identifier_hash, event_id, kind, channel, purpose FROM rm_contact_facts ORDER BY seq')).toEqual(before);
    expect(JSON.stringify(before)).not.toContain('sealed');
  });
});
