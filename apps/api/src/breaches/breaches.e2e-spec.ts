import { findChainBreak } from '@ledger/integrity';
import { ApiHarness, mutationResult, startApiOn, storagesUnderTest } from '@ledger/testing';

const CONTROLLER = `controllers { controllerId notifiedAt authority authorityNotifiedAt authorityNotificationLate delayReasons subjectsNotifiedAt subjectsNotificationMeans }`;
const BREACH = `breach { id status riskLevel nature dataSubjectCategories approximateDataSubjectCount recordCategories approximateRecordCount
  likelyConsequences measures detectedAt authorityNotificationDeadline authorityNotificationRequired subjectNotificationRequired
  authorityNotificationLate ${CONTROLLER} closedAt closingSummary stream revision }`;
const PAYLOAD = `{ ${BREACH} ledger { stream replayed events { type revision position hash } } }`;

const RECORD = `mutation R($input: RecordBreachInput!) { recordBreach(input: $input) ${PAYLOAD} }`;
const NOTIFY_CONTROLLER = `mutation C($input: NotifyControllerOfBreachInput!) { notifyControllerOfBreach(input: $input) ${PAYLOAD} }`;
const NOTIFY_AUTHORITY = `mutation A($input: NotifyAuthorityOfBreachInput!) { notifyAuthorityOfBreach(input: $input) ${PAYLOAD} }`;
const NOTIFY_SUBJECTS = `mutation S($input: NotifySubjectsOfBreachInput!) { notifySubjectsOfBreach(input: $input) ${PAYLOAD} }`;
const CLOSE = `mutation X($input: CloseBreachInput!) { closeBreach(input: $input) ${PAYLOAD} }`;
const GET = `query Get($id: ID!) { breach(id: $id) { id status revision authorityNotificationLate ${CONTROLLER} } }`;
const LIST = `query List($status: BreachStatus, $controllerId: String, $first: Int!, $after: String) {
  breaches(status: $status, controllerId: $controllerId, first: $first, after: $after) {
    edges { cursor node { id status } } pageInfo { hasNextPage endCursor } } }`;
const HISTORY = `query H($stream: String!) { history(stream: $stream) { type revision data prevHash hash eventId stream position schemaVersion
  metadata { tenantId actor { id role keyId } commandId correlationId causationId occurredAt recordedAt } } }`;

const detectedAt = '2026-03-10T08:00:00.000Z';
const hoursLater = (h: number) => new Date(Date.parse(detectedAt) + h * 3_600_000).toISOString();

const recordInput = (overrides: Record<string, unknown> = {}) => ({
  nature: 'Backup bucket readable without authentication',
  dataSubjectCategories: ['employees'],
  approximateDataSubjectCount: 1200,
  recordCategories: ['badge access logs'],
  approximateRecordCount: 50000,
  likelyConsequences: 'Disclosure of office presence patterns',
  measures: 'Bucket made private, keys rotated',
  controllerIds: ['acme-hr', 'globex'],
  riskLevel: 'HIGH_RISK',
  occurredAt: detectedAt,
  ...overrides,
});

describe.each(storagesUnderTest())('breaches through GraphQL on the $name store', (storage) => {
  let api: ApiHarness;
  beforeEach(async () => (api = await startApiOn(storage)));
  afterEach(() => api.close());

  const ok = (query: string, input: Record<string, unknown>) => mutationResult<{ breach: any; ledger: any }>(api, query, input);
  const record = (overrides: Record<string, unknown> = {}) => ok(RECORD, recordInput(overrides));
  const historyOf = async (stream: string) => (await api.gql(HISTORY, { stream })).data.history;

  it('documents a breach with its 72-hour deadline and what its risk level requires (Arts. 33(1), 33(5), 34(1))', async () => {
    const { breach, ledger } = await record();
    expect(breach).toMatchObject({
      status: 'OPEN',
      riskLevel: 'HIGH_RISK',
      detectedAt,
      authorityNotificationDeadline: '2026-03-13T08:00:00.000Z',
      authorityNotificationRequired: true,
      subjectNotificationRequired: true,
      authorityNotificationLate: false,
      dataSubjectCategories: ['employees'],
      approximateRecordCount: 50000,
      stream: `breach-${breach.id}`,
      revision: 0,
    });
    expect(breach.controllers.map((c: any) => [c.controllerId, c.notifiedAt])).toEqual([['acme-hr', null], ['globex', null]]);
    expect(ledger.events).toEqual([expect.objectContaining({ type: 'BreachDetected', revision: 0, hash: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
    const unlikely = (await record({ riskLevel: 'UNLIKELY' })).breach;
    expect(unlikely).toMatchObject({ authorityNotificationRequired: false, subjectNotificationRequired: false });
  });

  it('notifies each controller, then the authority on time for one and late with reasons for the other, the subjects, and closes', async () => {
    const { breach } = await record();
    const id = breach.id;
    await ok(NOTIFY_CONTROLLER, { breachId: id, controllerId: 'acme-hr', occurredAt: hoursLater(2) });
    await ok(NOTIFY_CONTROLLER, { breachId: id, controllerId: 'globex', occurredAt: hoursLater(3) });
    await ok(NOTIFY_AUTHORITY, { breachId: id, controllerId: 'acme-hr', authority: 'CNIL', occurredAt: hoursLater(30) });

    const withoutReasons = await api.gql(NOTIFY_AUTHORITY, { input: { breachId: id, controllerId: 'globex', authority: 'CNIL', occurredAt: hoursLater(80) } });
    expect(withoutReasons.data).toBeNull();
    expect(withoutReasons.errors?.[0].message).toMatch(/reasons for the delay/);
    expect(withoutReasons.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'delayReasons' }] });
    expect(await historyOf(breach.stream)).toHaveLength(4);

    const late = await ok(NOTIFY_AUTHORITY, { breachId: id, controllerId: 'globex', authority: 'CNIL', delayReasons: 'Scope unknown until forensics ended', occurredAt: hoursLater(80) });
    expect(late.breach.authorityNotificationLate).toBe(true);
    await ok(NOTIFY_SUBJECTS, { breachId: id, controllerId: 'acme-hr', means: 'e-mail to each employee', occurredAt: hoursLater(90) });
    const closed = await ok(CLOSE, { breachId: id, summary: 'Root cause fixed', occurredAt: hoursLater(100) });
    expect(closed.breach).toMatchObject({ status: 'CLOSED', closedAt: hoursLater(100), closingSummary: 'Root cause fixed', revision: 6 });

    const read = (await api.gql(GET, { id })).data.breach;
    expect(read).toMatchObject({ status: 'CLOSED', revision: 6, authorityNotificationLate: true });
    expect(read.controllers).toEqual([
      {
        controllerId: 'acme-hr',
        notifiedAt: hoursLater(2),
        authority: 'CNIL',
        authorityNotifiedAt: hoursLater(30),
        authorityNotificationLate: false,
        delayReasons: null,
        subjectsNotifiedAt: hoursLater(90),
        subjectsNotificationMeans: 'e-mail to each employee',
      },
      {
        controllerId: 'globex',
        notifiedAt: hoursLater(3),
        authority: 'CNIL',
        authorityNotifiedAt: hoursLater(80),
        authorityNotificationLate: true,
        delayReasons: 'Scope unknown until forensics ended',
        subjectsNotifiedAt: null,
        subjectsNotificationMeans: null,
      },
    ]);
    const history = await historyOf(breach.stream);
    expect(history.map((e: { type: string }) => e.type)).toEqual([
      'BreachDetected',
      'BreachControllerNotified',
      'BreachControllerNotified',
      'BreachAuthorityNotified',
      'BreachAuthorityNotified',
      'BreachSubjectsNotified',
      'BreachClosed',
    ]);
    expect(findChainBreak(history)).toBeNull();
  });

  it('refuses to close while a controller has not been told, and answers NOT_FOUND for an unknown breach', async () => {
    const { breach } = await record();
    await ok(NOTIFY_CONTROLLER, { breachId: breach.id, controllerId: 'acme-hr', occurredAt: hoursLater(1) });
    const refused = await api.gql(CLOSE, { input: { breachId: breach.id, occurredAt: hoursLater(5) } });
    expect(refused.errors?.[0]).toMatchObject({ message: expect.stringMatching(/not notified yet: globex/), extensions: { code: 'BAD_USER_INPUT' } });
    const stranger = await api.gql(NOTIFY_CONTROLLER, { input: { breachId: breach.id, controllerId: 'initech', occurredAt: hoursLater(5) } });
    expect(stranger.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'controllerId' }] });
    const unknown = await api.gql(NOTIFY_CONTROLLER, { input: { breachId: 'no-such-breach', controllerId: 'acme-hr' } });
    expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await api.gql(GET, { id: 'no-such-breach' })).data.breach).toBeNull();
    expect(await historyOf(breach.stream)).toHaveLength(2);
  });

  it('answers invalid input with BAD_USER_INPUT naming each field, and records nothing', async () => {
    const response = await api.gql(RECORD, {
      input: recordInput({ nature: '', dataSubjectCategories: [], approximateDataSubjectCount: -5, controllerIds: ['x'.repeat(201)] }),
    });
    expect(response.data).toBeNull();
    expect(response.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect([...new Set(response.errors?.[0].extensions.fields?.map((f) => f.field))].sort()).toEqual([
      'input.approximateDataSubjectCount',
      'input.controllerIds',
      'input.dataSubjectCategories',
      'input.nature',
    ]);
    expect((await api.gql(RECORD, { input: recordInput({ riskLevel: 'MEDIUM' }) })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await api.gql(LIST, { first: 101 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'first' }] });
    expect((await api.gql(LIST, { first: 10 })).data.breaches.edges).toEqual([]);
  });

  it('returns the first result to a retried command id and records the breach once', async () => {
    const input = recordInput({ commandId: 'siem-alert-7' });
    const first = (await api.gql(RECORD, { input })).data.recordBreach;
    const retry = (await api.gql(RECORD, { input })).data.recordBreach;
    expect(retry.ledger.replayed).toBe(true);
    expect(retry.breach).toEqual(first.breach);
    expect((await api.gql(LIST, { first: 10 })).data.breaches.edges).toHaveLength(1);
  });

  it('lists breaches by affected controller and status, a page at a time', async () => {
    const a = (await record({ controllerIds: ['acme-hr'] })).breach.id;
    const b = (await record({ controllerIds: ['globex', 'acme-hr'] })).breach.id;
    const c = (await record({ controllerIds: ['globex'] })).breach.id;
    await ok(NOTIFY_CONTROLLER, { breachId: c, controllerId: 'globex', occurredAt: hoursLater(1) });
    await ok(CLOSE, { breachId: c, occurredAt: hoursLater(2) });
    const ids = async (variables: Record<string, unknown>) => (await api.gql(LIST, { first: 10, ...variables })).data.breaches.edges.map((e: any) => e.node.id);
    expect(await ids({ controllerId: 'acme-hr' })).toEqual([a, b]);
    expect(await ids({ status: 'CLOSED' })).toEqual([c]);
    expect(await ids({ status: 'OPEN', controllerId: 'globex' })).toEqual([b]);
    const page = (await api.gql(LIST, { first: 2 })).data.breaches;
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(await ids({ first: 2, after: page.pageInfo.endCursor })).toEqual([c]);
  });
});
