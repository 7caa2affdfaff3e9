import { deciderSpecification } from '@ledger/testing';
import { fold } from '../shared';
import type { ConsentCommand } from './consent.commands';
import { consentDecider } from './consent.decider';
import { AUDIENCES, type Audience, CONSENT_SCHEMA_VERSION, CONTACT_CHANNELS, type ConsentEvent, ConsentEvents, type ContactChannel } from './consent.events';
import { contactPermission, type ContactFact, type ContactRule } from './contact-permission';
import { normaliseSubjectIdentifier } from './subject-identifier';

const now = new Date('2026-06-01T00:00:00.000Z');
const at = (iso: string) => new Date(iso);
const spec = deciderSpecification(consentDecider, now);

const email = normaliseSubjectIdentifier('jeanne@example.org');
const phone = normaliseSubjectIdentifier('+33612345678');
const pseudonyms = { subjectId: 'subj-0123456789abcdef0123456789abcdef', identifierHash: 'ab'.repeat(32) };
const subjectFor = (channel: ContactChannel) => (channel === 'SMS' || channel === 'PHONE' ? phone : email);

type Kind = ConsentCommand['type'];
const command = (type: Kind, overrides: { channel?: ContactChannel; purpose?: string | null; occurredAt?: string; source?: string; subject?: typeof email } = {}): ConsentCommand => {
  const channel = overrides.channel ?? 'EMAIL';
  return {
    type,
    data: {
      ...pseudonyms,
      subject: overrides.subject ?? subjectFor(channel),
      channel,
      purpose: overrides.purpose === undefined ? 'newsletter' : overrides.purpose,
      source: overrides.source ?? 'signup form',
      occurredAt: at(overrides.occurredAt ?? '2026-05-01T09:00:00.000Z'),
    },
  } as ConsentCommand;
};
const TYPE = { RecordConsent: ConsentEvents.Given, WithdrawConsent: ConsentEvents.Withdrawn, RecordObjection: ConsentEvents.ObjectionRecorded } as const;
/** The event `command` decides on an empty stream, as the decider emits it. */
const event = (type: Kind, overrides: Parameters<typeof command>[1] = {}): ConsentEvent => {
  const { data } = command(type, overrides);
  const { occurredAt, ...rest } = data;
  return { type: TYPE[type], schemaVersion: CONSENT_SCHEMA_VERSION, occurredAt, data: rest } as ConsentEvent;
};

describe('recording consents, withdrawals and objections (GDPR Arts. 7 and 21, CPCE L.34-5)', () => {
  it('records a consent for a channel and a purpose, with its source and the subject’s normalised identifier', () =>
    spec.given([]).when(command('RecordConsent', { purpose: ' Newsletter ', source: ' signup form ' })).then([event('RecordConsent')]));

  it('records the withdrawal of a consent in force (Art. 7(3))', () =>
    spec.given([event('RecordConsent')]).when(command('WithdrawConsent', { occurredAt: '2026-05-02T09:00:00.000Z' })).then([event('WithdrawConsent', { occurredAt: '2026-05-02T09:00:00.000Z' })]));

  it('refuses to withdraw a consent that was never given, or was already withdrawn, or was given for another purpose or channel', () => {
    spec.given([]).when(command('WithdrawConsent')).thenThrows('no consent in force', 'purpose');
    spec.given([event('RecordConsent'), event('WithdrawConsent')]).when(command('WithdrawConsent')).thenThrows('no consent in force', 'purpose');
    spec.given([event('RecordConsent')]).when(command('WithdrawConsent', { purpose: 'partner offers' })).thenThrows('no consent in force');
    spec.given([event('RecordConsent', { channel: 'POST' })]).when(command('WithdrawConsent')).thenThrows('no consent in force');
  });

  it('records an objection (opt-out, unsubscribe) to one purpose or, with no purpose, to every purpose', () => {
    spec.given([]).when(command('RecordObjection')).then([event('RecordObjection')]);
    spec.given([]).when(command('RecordObjection', { purpose: null, channel: 'SMS' })).then([event('RecordObjection', { purpose: null, channel: 'SMS' })]);
  });

  it('always records an objection, even a repeated one or one against a consent in force (Art. 21(3))', () =>
    spec.given([event('RecordConsent'), event('RecordObjection')]).when(command('RecordObjection')).then([event('RecordObjection')]));

  it('refuses a consent while an objection to that channel stands: an objection is always honoured (Art. 21(3))', () => {
    spec.given([event('RecordObjection')]).when(command('RecordConsent')).thenThrows('objection is always honoured', 'subject');
    spec.given([event('RecordObjection', { purpose: null })]).when(command('RecordConsent', { purpose: 'offers' })).thenThrows('objection is always honoured');
    spec.given([event('RecordObjection', { channel: 'POST' })]).when(command('RecordConsent')).then([event('RecordConsent')]);
  });

  it('refuses a channel the identifier cannot reach: e-mail needs an address, SMS and phone a number', () => {
    spec.given([]).when(command('RecordConsent', { channel: 'EMAIL', subject: phone })).thenThrows('needs an e-mail address', 'subject');
    spec.given([]).when(command('RecordObjection', { channel: 'SMS', subject: email })).thenThrows('needs a phone number', 'subject');
    spec.given([]).when(command('RecordObjection', { channel: 'POST', subject: phone })).then([event('RecordObjection', { channel: 'POST', subject: phone })]);
  });

  it('requires a purpose for consents and their withdrawal, and a source for every fact', () => {
    spec.given([]).when(command('RecordConsent', { purpose: ' ' })).thenThrows('purpose must not be empty', 'purpose');
    spec.given([]).when(command('RecordConsent', { purpose: null })).thenThrows('purpose must not be empty', 'purpose');
    spec.given([]).when(command('RecordObjection', { source: '' })).thenThrows('source must not be empty', 'source');
  });

  it('refuses a fact dated in the future or before the subject’s last recorded fact', () => {
    spec.given([]).when(command('RecordObjection', { occurredAt: '2026-07-01T00:00:00.000Z' })).thenThrows('in the future', 'occurredAt');
    spec.given([event('RecordConsent')]).when(command('RecordObjection', { occurredAt: '2026-04-01T00:00:00.000Z' })).thenThrows('earlier than the last event', 'occurredAt');
  });
});

/** The facts the rules read, as the read model hands them over: the decided events with ids, in order. */
const factsOf = (events: ConsentEvent[]): ContactFact[] =>
  fold(consentDecider, consentDecider.initialState, events).facts.map((fact, i) => ({ ...fact, eventId: `e${i + 1}` }));

const STATES = {
  'no fact': [],
  consent: [event('RecordConsent')],
  'consent withdrawn': [event('RecordConsent'), event('WithdrawConsent', { occurredAt: '2026-05-02T09:00:00.000Z' })],
  objection: [event('RecordObjection')],
} as const;
type StateName = keyof typeof STATES;

/** The expected answer of every cell: CNIL prospecting rules, an objection and a withdrawal always honoured. */
const EXPECTED: Record<StateName, (channel: ContactChannel, audience: Audience) => [boolean, ContactRule, string[]]> = {
  'no fact': (channel, audience) =>
    channel === 'PHONE' || channel === 'POST' ? [true, 'OPT_OUT_CHANNEL', []] : audience === 'B2B' ? [true, 'PROFESSIONAL_OPT_OUT', []] : [false, 'NO_CONSENT', []],
  consent: () => [true, 'CONSENT', ['e1']],
  'consent withdrawn': () => [false, 'CONSENT_WITHDRAWN', ['e1', 'e2']],
  objection: () => [false, 'OBJECTION', ['e1']],
};

describe('contact permission: every cell of channel x audience x what the subject said (CPCE L.34-5, CNIL, GDPR Arts. 7(3) and 21(3))', () => {
  const cells = CONTACT_CHANNELS.flatMap((channel) => AUDIENCES.flatMap((audience) => (Object.keys(STATES) as StateName[]).map((state) => [channel, audience, state] as const)));
  expect(cells).toHaveLength(32);

  it.each(cells)('%s to %s with %s', (channel, audience, state) => {
    const given = STATES[state].map((e) => ({ ...e, data: { ...e.data, channel, subject: subjectFor(channel) } })) as ConsentEvent[];
    const [allowed, rule, eventIds] = EXPECTED[state](channel, audience);
    const permission = contactPermission(factsOf(given), { channel, audience, purpose: 'newsletter' });
    expect(permission).toEqual({ allowed, rule, eventIds, reason: expect.any(String) });
    expect(permission.reason).toMatch(allowed ? /consent|no prior consent/ : /honoured|needs their prior consent/);
  });
});

describe('contact permission: what a fact covers', () => {
  const ask = (facts: ContactFact[], purpose = 'newsletter', channel: ContactChannel = 'EMAIL', audience: Audience = 'B2C') => contactPermission(facts, { channel, audience, purpose });

  it('applies a consent to its own purpose and channel only', () => {
    const facts = factsOf([event('RecordConsent')]);
    expect(ask(facts, 'partner offers').rule).toBe('NO_CONSENT');
    expect(ask(facts, 'newsletter', 'SMS').rule).toBe('NO_CONSENT');
  });

  it('applies an objection with no purpose to every purpose of its channel, and to that channel only', () => {
    const facts = factsOf([event('RecordObjection', { purpose: null })]);
    expect(ask(facts, 'anything').rule).toBe('OBJECTION');
    expect(ask(facts, 'newsletter', 'POST').rule).toBe('OPT_OUT_CHANNEL');
    expect(ask(facts).reason).toMatch(/for any purpose/);
  });

  it('lets a consent given again after a withdrawal count again', () => {
    const facts = factsOf([event('RecordConsent'), event('WithdrawConsent'), event('RecordConsent')]);
    expect(ask(facts)).toMatchObject({ allowed: true, rule: 'CONSENT', eventIds: ['e3'] });
  });

  it('no longer counts a consent recorded before the subject’s erasure, but still honours a withdrawal and an objection (Arts. 7(1), 17)', () => {
    const erasure: ContactFact = { eventId: 'erased', kind: 'ERASURE', channel: null, purpose: null, occurredAt: at('2026-05-03T00:00:00.000Z') };
    expect(ask([...factsOf([event('RecordConsent')]), erasure])).toMatchObject({ allowed: false, rule: 'NO_CONSENT' });
    expect(ask([...factsOf([event('RecordConsent'), event('WithdrawConsent')]), erasure], 'newsletter', 'EMAIL', 'B2B')).toMatchObject({ allowed: false, rule: 'CONSENT_WITHDRAWN', eventIds: ['e2'] });
    expect(ask([...factsOf([event('RecordObjection')]), erasure], 'newsletter', 'EMAIL', 'B2B')).toMatchObject({ allowed: false, rule: 'OBJECTION' });
    const consentAfter = { ...factsOf([event('RecordConsent')])[0], eventId: 'later' };
    expect(ask([erasure, consentAfter])).toMatchObject({ allowed: true, eventIds: ['later'] });
  });
});
