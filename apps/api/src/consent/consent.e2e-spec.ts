import { AUDIENCES, CONTACT_CHANNELS, type ContactChannel } from '@ledger/domain';
import { ApiHarness, mutationResult, startApiOn, storagesUnderTest } from '@ledger/testing';

const FACT = `{ fact { type subject subjectId channel purpose source occurredAt } ledger { stream events { eventId type revision } } }`;
const CONSENT = `mutation C($input: RecordConsentInput!) { recordConsent(input: $input) ${FACT} }`;
const WITHDRAW = `mutation W($input: WithdrawConsentInput!) { withdrawConsent(input: $input) ${FACT} }`;
const OBJECT = `mutation O($input: RecordObjectionInput!) { recordObjection(input: $input) ${FACT} }`;
const PERMISSION = `query P($subject: String!, $channel: ContactChannel!, $audience: Audience!, $purpose: String!) {
  contactPermission(subject: $subject, channel: $channel, audience: $audience, purpose: $purpose) { subject allowed rule reason eventIds } }`;
const PERMISSIONS = `query Ps($subjects: [String!]!, $channel: ContactChannel!, $audience: Audience!, $purpose: String!) {
  contactPermissions(subjects: $subjects, channel: $channel, audience: $audience, purpose: $purpose) { subject allowed rule reason eventIds } }`;
const HISTORY = `query H($stream: String!) { history(stream: $stream) { eventId type data openedData } }`;

const STATES = ['no fact', 'consent', 'consent withdrawn', 'objection'] as const;
type State = (typeof STATES)[number];
const EXPECTED: Record<State, (channel: ContactChannel, audience: string) => [boolean, string]> = {
  'no fact': (channel, audience) =>
    channel === 'PHONE' || channel === 'POST' ? [true, 'OPT_OUT_CHANNEL'] : audience === 'B2B' ? [true, 'PROFESSIONAL_OPT_OUT'] : [false, 'NO_CONSENT'],
  consent: () => [true, 'CONSENT'],
  'consent withdrawn': () => [false, 'CONSENT_WITHDRAWN'],
  objection: () => [false, 'OBJECTION'],
};
const ALL_CELLS = CONTACT_CHANNELS.flatMap((channel) => AUDIENCES.flatMap((audience) => STATES.map((state) => [channel, audience, state] as const)));

/** A distinct subject per cell, reachable on its channel: an address for e-mail and post, a mobile for SMS and calls. */
const subjectOf = (channel: ContactChannel, n: number) => (channel === 'SMS' || channel === 'PHONE' ? `+33 6 12 34 ${String(n).padStart(4, '0').replace(/(..)(..)/, '$1 $2')}` : `Prospect.${n}@Example.org `);

describe.each(storagesUnderTest())('consent and prospecting rules through GraphQL on the $name store', (storage) => {
  let api: ApiHarness;
  beforeAll(async () => (api = await startApiOn(storage)));
  afterAll(() => api.close());
  const fact = (mutation: string, input: Record<string, unknown>) => mutationResult(api, mutation, { source: 'signup form', occurredAt: '2026-05-01T09:00:00.000Z', ...input });

  // Every cell on the embedded store; e-mail and phone (opt-in and opt-out channels) on PostgreSQL.
  const cells = storage.name === 'embedded' ? ALL_CELLS : ALL_CELLS.filter(([channel]) => channel === 'EMAIL' || channel === 'PHONE');
  it.each(cells.map((cell, n) => [...cell, n] as const))('%s to %s with %s', async (channel, audience, state, n) => {
    const subject = subjectOf(channel, n);
    const base = { subject, channel, purpose: 'Newsletter' };
    const ids: string[] = [];
    if (state === 'consent' || state === 'consent withdrawn') ids.push((await fact(CONSENT, base)).ledger.events[0].eventId);
    if (state === 'consent withdrawn') ids.push((await fact(WITHDRAW, { ...base, occurredAt: '2026-05-02T09:00:00.000Z' })).ledger.events[0].eventId);
    if (state === 'objection') ids.push((await fact(OBJECT, { ...base, source: 'unsubscribe link' })).ledger.events[0].eventId);
    const { data, errors } = await api.gql(PERMISSION, { subject, channel, audience, purpose: 'newsletter ' });
    expect(errors).toBeUndefined();
    const [allowed, rule] = EXPECTED[state](channel, audience);
    expect(data.contactPermission).toEqual({ subject: expect.stringMatching(/^(prospect\.\d+@example\.org|\+336\d{8})$/), allowed, rule, reason: expect.any(String), eventIds: ids });
  });

  it('records the subject normalised, stores it only sealed, and names the facts in the answer', async () => {
    const given = await fact(CONSENT, { subject: ' Jeanne.Martin@Example.ORG', channel: 'EMAIL', purpose: ' Newsletter ' });
    expect(given.fact).toEqual({
      type: 'ConsentGiven',
      subject: 'jeanne.martin@example.org',
      subjectId: expect.stringMatching(/^subj-[0-9a-f]{32}$/),
      channel: 'EMAIL',
      purpose: 'newsletter',
      source: 'signup form',
      occurredAt: '2026-05-01T09:00:00.000Z',
    });
    expect(given.ledger.stream).toBe(`consent-${given.fact.subjectId}`);
    const [stored] = (await api.gql(HISTORY, { stream: given.ledger.stream })).data.history;
    expect(stored.data.subject).toEqual({ sealed: 'v1', subject: given.fact.subjectId, iv: expect.any(String), ciphertext: expect.any(String), tag: expect.any(String) });
    expect(stored.data.identifierHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.openedData.subject).toEqual({ kind: 'email', value: 'jeanne.martin@example.org' });
    expect(JSON.stringify(stored.data)).not.toMatch(/jeanne/i);

    const phone = await fact(OBJECT, { subject: '+33 (0)6 98 76 54 32', channel: 'SMS' });
    expect(phone.fact).toMatchObject({ type: 'ObjectionRecorded', subject: '+33698765432', purpose: null });
    const answer = (await api.gql(PERMISSION, { subject: '+33698765432', channel: 'SMS', audience: 'B2B', purpose: 'anything' })).data.contactPermission;
    expect(answer).toMatchObject({ allowed: false, rule: 'OBJECTION', eventIds: [phone.ledger.events[0].eventId], reason: expect.stringMatching(/objected on 2026-05-01 .* for any purpose/) });
  });

  it('refuses what the rules refuse, with a coded error naming the field, and appends nothing', async () => {
    const refusal = async (mutation: string, input: Record<string, unknown>) =>
      (await api.gql(mutation, { input: { source: 'form', occurredAt: '2026-05-01T09:00:00.000Z', ...input } })).errors?.[0];
    expect((await refusal(WITHDRAW, { subject: 'never@example.org', channel: 'EMAIL', purpose: 'news' }))?.extensions).toMatchObject({ code: 'NOT_FOUND', fields: [{ field: 'purpose' }] });
    const { stream } = (await fact(OBJECT, { subject: 'stop@example.org', channel: 'EMAIL' })).ledger;
    const consent = await refusal(CONSENT, { subject: 'stop@example.org', channel: 'EMAIL', purpose: 'news', occurredAt: '2026-05-03T09:00:00.000Z' });
    expect(consent).toMatchObject({ message: expect.stringMatching(/objection is always honoured/), extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'subject' }] } });
    for (const subject of ['06 12 34 56 78', 'jeanne@', '+33 6 12'])
      expect((await refusal(OBJECT, { subject, channel: 'SMS' }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'subject' }] });
    expect((await refusal(OBJECT, { subject: '+33612345678', channel: 'EMAIL' }))?.message).toMatch(/needs an e-mail address/);
    expect((await refusal(CONSENT, { subject: 'a@example.org', channel: 'FAX', purpose: 'x' }))?.extensions.code).toBe('BAD_USER_INPUT');
    const asked = await api.gql(PERMISSION, { subject: '0612345678', channel: 'SMS', audience: 'B2C', purpose: 'news' });
    expect(asked.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'subject' }] });
    expect((await api.gql(HISTORY, { stream })).data.history).toHaveLength(1);
  });

  it('keeps honouring an opt-out recorded before the subject’s erasure, while their consent no longer counts (Arts. 17, 21(3))', async () => {
    const ERASE = `mutation E($input: EraseSubjectInput!) { eraseSubject(input: $input) { erasure { subjectId } } }`;
    const email = 'erased.prospect@example.org';
    const phone = '+33 6 55 44 33 22';
    const objection = (await fact(OBJECT, { subject: email, channel: 'EMAIL', purpose: 'launch' })).ledger.events[0].eventId;
    const consent = await fact(CONSENT, { subject: email, channel: 'POST', purpose: 'catalogue' });
    const smsObjection = (await fact(OBJECT, { subject: phone, channel: 'SMS' })).ledger.events[0].eventId;
    const ask = async (subject: string, channel: string, purpose: string) =>
      (await api.gql(PERMISSION, { subject, channel, audience: 'B2B', purpose })).data.contactPermission;
    expect(await ask(email, 'POST', 'catalogue')).toMatchObject({ allowed: true, rule: 'CONSENT' });

    await mutationResult(api, ERASE, { email, ground: 'OBJECTION', reason: 'Erasure request granted' });
    await mutationResult(api, ERASE, { phone: '+33655443322', ground: 'OBJECTION', reason: 'Erasure request granted' });
    expect(await ask(email, 'EMAIL', 'launch')).toMatchObject({ allowed: false, rule: 'OBJECTION', eventIds: [objection] });
    expect(await ask(phone, 'SMS', 'anything')).toMatchObject({ allowed: false, rule: 'OBJECTION', eventIds: [smsObjection] });
    expect(await ask(email, 'POST', 'catalogue')).toMatchObject({ allowed: true, rule: 'OPT_OUT_CHANNEL', eventIds: [] });
    const [stored] = (await api.gql(HISTORY, { stream: consent.ledger.stream })).data.history;
    expect(stored.openedData.subject).toEqual({ erased: true, subject: consent.fact.subjectId });
    // The subject is erased: recording their opt-out again is still possible, under a new key.
    await fact(OBJECT, { subject: email, channel: 'EMAIL', occurredAt: '2026-05-04T09:00:00.000Z' });
  });

  it('answers a campaign list in one call, in order, never clearing a subject it cannot read, and refuses more than 10,000', async () => {
    const objected = (await fact(OBJECT, { subject: 'optout@example.org', channel: 'EMAIL', purpose: 'launch' })).ledger.events[0].eventId;
    const consented = (await fact(CONSENT, { subject: 'fan@example.org', channel: 'EMAIL', purpose: 'launch' })).ledger.events[0].eventId;
    const subjects = ['fan@example.org', 'nobody@example.org', 'not an address', ' OptOut@Example.org', '+33612345678'];
    const { data } = await api.gql(PERMISSIONS, { subjects, channel: 'EMAIL', audience: 'B2C', purpose: 'launch' });
    expect(data.contactPermissions.map((p: any) => [p.subject, p.allowed, p.rule, p.eventIds])).toEqual([
      ['fan@example.org', true, 'CONSENT', [consented]],
      ['nobody@example.org', false, 'NO_CONSENT', []],
      ['not an address', false, 'INVALID_SUBJECT', []],
      ['optout@example.org', false, 'OBJECTION', [objected]],
      ['+33612345678', false, 'INVALID_SUBJECT', []],
    ]);
    const many = Array.from({ length: 10_000 }, (_, i) => `p${i}@example.org`);
    const full = await api.gql(PERMISSIONS, { subjects: [...many.slice(1), 'optout@example.org'], channel: 'EMAIL', audience: 'B2B', purpose: 'launch' });
    expect(full.errors).toBeUndefined();
    expect(full.data.contactPermissions).toHaveLength(10_000);
    expect(full.data.contactPermissions.filter((p: any) => !p.allowed).map((p: any) => p.subject)).toEqual(['optout@example.org']);
    const tooMany = await api.gql(PERMISSIONS, { subjects: [...many, 'one@example.org'], channel: 'EMAIL', audience: 'B2B', purpose: 'launch' });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'subjects' }] });
  });
});
