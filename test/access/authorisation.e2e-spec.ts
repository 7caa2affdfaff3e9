import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  isCompositeType,
  isLeafType,
  isObjectType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';
import { type ApiHarness, bearer, issueKey, startApi, storagesUnderTest } from '@ledger/testing';

/**
 * The generated authorisation test (issue 7): every query and mutation of the introspected
 * schema, called by every kind of caller, against the expectation table below. An operation
 * the table lacks fails the test, so none can be added without deciding who may call it.
 */
type Caller = 'admin' | 'processor' | 'controller' | 'auditor' | 'expiredAuditor' | 'revoked' | 'none';
const CALLERS: Caller[] = ['admin', 'processor', 'controller', 'auditor', 'expiredAuditor', 'revoked', 'none'];

const ADMIN = ['admin'] as const;
const WRITE = ['processor'] as const;
/**
 * Mutations a controller makes on its own relationship or on a record of it (GDPR-RULES: instructions
 * given, withdrawn, superseded, Art. 28(3)(a); Art. 28(2) objections and approvals; audits and their
 * findings, Art. 28(3)(h)).
 */
const WRITE_WITH_CONTROLLER = ['processor', 'controller'] as const;
/** Reads over the whole tenant, or of records without a controller: a controller key, confined to its relationship, is refused. */
const READ = ['processor', 'auditor'] as const;
/** Reads that name the relationship (controllerId) or one of its records by id, or read the log as a whole (checkpoints). */
const READ_WITH_CONTROLLER = ['processor', 'auditor', 'controller'] as const;

const EXPECTED: Record<string, readonly Caller[]> = {
  // Queries
  apiKeys: ADMIN,
  auditorReads: ['processor'],
  tenants: ADMIN,
  audit: READ_WITH_CONTROLLER,
  audits: READ_WITH_CONTROLLER,
  breach: READ_WITH_CONTROLLER,
  breaches: READ_WITH_CONTROLLER,
  checkpoint: READ_WITH_CONTROLLER,
  consistencyProof: READ_WITH_CONTROLLER,
  contactPermission: READ,
  contactPermissions: READ,
  dataProcessingAgreement: READ_WITH_CONTROLLER,
  dataProcessingAgreements: READ,
  dataSubjectRequest: READ_WITH_CONTROLLER,
  dataSubjectRequests: READ_WITH_CONTROLLER,
  deadlines: READ_WITH_CONTROLLER,
  history: READ,
  inclusionProof: READ,
  instruction: READ_WITH_CONTROLLER,
  instructions: READ_WITH_CONTROLLER,
  processingActivity: READ_WITH_CONTROLLER,
  recordHistory: READ,
  register: READ_WITH_CONTROLLER,
  subprocessor: READ,
  subprocessors: READ_WITH_CONTROLLER,
  verifierKey: READ_WITH_CONTROLLER,
  // Mutations
  createApiKey: ADMIN,
  revokeApiKey: ADMIN,
  acknowledgeInstruction: WRITE,
  addSubprocessor: WRITE,
  amendDataProcessingAgreement: WRITE,
  amendProcessingActivity: WRITE,
  answerAudit: WRITE,
  approveSubprocessor: WRITE_WITH_CONTROLLER,
  closeAudit: WRITE_WITH_CONTROLLER,
  closeBreach: WRITE,
  completeDataSubjectRequest: WRITE,
  eraseSubject: WRITE,
  extendDataSubjectRequest: WRITE,
  flagInstructionAsInfringing: WRITE,
  forwardDataSubjectRequest: WRITE,
  notifyAuthorityOfBreach: WRITE,
  notifyControllerOfBreach: WRITE,
  notifySubjectsOfBreach: WRITE,
  objectToSubprocessor: WRITE_WITH_CONTROLLER,
  proposeSubprocessor: WRITE,
  raiseAuditFinding: WRITE_WITH_CONTROLLER,
  receiveDataSubjectRequest: WRITE,
  receiveInstruction: WRITE_WITH_CONTROLLER,
  recordBreach: WRITE,
  recordConsent: WRITE,
  recordControllerDataDeleted: WRITE,
  recordControllerDataReturned: WRITE,
  recordObjection: WRITE,
  recordProcessingActivity: WRITE,
  refuseDataSubjectRequest: WRITE,
  removeSubprocessor: WRITE,
  requestAudit: WRITE_WITH_CONTROLLER,
  retireProcessingActivity: WRITE,
  signDataProcessingAgreement: WRITE,
  submitAudit: WRITE,
  supersedeInstruction: WRITE_WITH_CONTROLLER,
  terminateDataProcessingAgreement: WRITE,
  withdrawConsent: WRITE,
  withdrawInstruction: WRITE_WITH_CONTROLLER,
};

const OWN_CONTROLLER = 'acme';
const DENIED = ['FORBIDDEN', 'UNAUTHENTICATED'];

type RecordKind = 'audit' | 'breach' | 'dataSubjectRequest' | 'instruction' | 'processingActivity';
/** The argument naming each kind of record in mutations; queries name it `id`, after the record (`breach(id)`). */
const RECORD_ARGUMENTS: Record<string, RecordKind> = {
  auditId: 'audit',
  breachId: 'breach',
  requestId: 'dataSubjectRequest',
  instructionId: 'instruction',
  supersededBy: 'instruction',
  processingActivityId: 'processingActivity',
};
/** Records of OWN_CONTROLLER in tenant `default`, made in beforeAll: operations naming a record by id name one of these. */
const ownRecords = {} as Record<RecordKind, string>;

/** A well-typed value for a field: enough for the call to reach its policy. Every controllerId and record id is the caller's own relationship's. */
function valueFor(type: GraphQLInputType, name: string, operation: string): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, name, operation);
  if (isListType(type)) return [valueFor(type.ofType, name, operation)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) || f.name === 'controllerId');
    return Object.fromEntries(fields.map((f) => [f.name, valueFor(f.type, f.name, operation)]));
  }
  if (name === 'controllerId') return OWN_CONTROLLER;
  const record = name === 'id' ? (operation as RecordKind) : RECORD_ARGUMENTS[name];
  if (ownRecords[record]) return ownRecords[record];
  const scalars: Record<string, unknown> = { Int: 1, Float: 1, Boolean: true, DateTime: new Date().toISOString(), JSONObject: {}, JSON: {} };
  return scalars[getNamedType(type).name] ?? `probe-${name}`;
}

function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const args = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type) || a.name === 'controllerId');
  const declared = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  return {
    query: `${kind}${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`,
    variables: Object.fromEntries(args.map((a) => [a.name, valueFor(a.type, a.name, field.name)])),
  };
}

const storage = storagesUnderTest()[0];

describe('authorisation of every operation, for every caller, on two tenants', () => {
  let api: ApiHarness;
  let dispose: () => Promise<void>;
  let schema: GraphQLSchema;
  const tokens = {} as Record<Caller, string | null>;
  let otherProcessor: string;
  const idsOf: Record<'default' | 'other', string[]> = { default: [], other: [] };

  const call = (token: string | null, query: string, variables: Record<string, unknown> = {}) =>
    api.gql(query, variables, { authorization: token ? bearer(token).authorization : '' });

  /** One record of each kind for `controllerId`, made by a processor key of the tenant. */
  async function seed(token: string, controllerId: string): Promise<Record<RecordKind, string>> {
    const made = async (mutation: string, input: Record<string, unknown>) => {
      const answer = await call(token, mutation, { input });
      expect(answer.errors).toBeUndefined();
      // { mutation: { record: { id } } }: the record's id.
      const [payload] = Object.values(answer.data as Record<string, Record<string, { id: string }>>);
      return Object.values(payload)[0];
    };
    await made(`mutation($input: SignDataProcessingAgreementInput!) { signDataProcessingAgreement(input: $input) { agreement { controllerId } } }`, {
      controllerId, controllerName: controllerId, effectiveDate: '2020-01-01T00:00:00.000Z', clauses: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'], subprocessorAuthorisation: 'GENERAL',
    });
    const breach = await made(`mutation($input: RecordBreachInput!) { recordBreach(input: $input) { breach { id } } }`, {
      nature: `breach at ${controllerId}`, dataSubjectCategories: ['employees'], approximateDataSubjectCount: 3, recordCategories: ['e-mail'],
      approximateRecordCount: 3, likelyConsequences: 'phishing', measures: 'reset', controllerIds: [controllerId], riskLevel: 'RISK',
    });
    const instruction = await made(`mutation($input: ReceiveInstructionInput!) { receiveInstruction(input: $input) { instruction { id } } }`, {
      controllerId, subject: 'retention', text: 'Keep invoices for ten years.', channel: 'TICKET',
    });
    const audit = await made(`mutation($input: RequestAuditInput!) { requestAudit(input: $input) { audit { id } } }`, {
      controllerId, templateId: 'processor-audit-v1', dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    const request = await made(`mutation($input: ReceiveDataSubjectRequestInput!) { receiveDataSubjectRequest(input: $input) { dataSubjectRequest { id } } }`, {
      controllerId, type: 'ACCESS', requester: { name: 'Jeanne Martin' },
    });
    const activity = await made(`mutation($input: RecordProcessingActivityInput!) { recordProcessingActivity(input: $input) { processingActivity { id } } }`, {
      role: 'PROCESSOR', controllerId, name: 'Desk booking', categoriesOfProcessing: ['hosting'],
    });
    return { breach: breach.id, instruction: instruction.id, audit: audit.id, dataSubjectRequest: request.id, processingActivity: activity.id };
  }

  /** Records a confined controller key must not reach: another controller's in its tenant, and its namesake's in another tenant. */
  const outOfReach = {} as Record<'anotherController' | 'anotherTenant', Record<RecordKind, string>>;

  beforeAll(async () => {
    const prepared = await storage.config();
    dispose = prepared.dispose;
    api = await startApi(prepared.config);
    const issue = async (role: 'processor' | 'controller' | 'auditor', extra: Record<string, unknown> = {}, tenantId = 'default') =>
      (await issueKey(api.url, { name: `${role}-${tenantId}`, role, tenantId, ...extra })).token;
    tokens.admin = api.adminToken;
    tokens.processor = api.token;
    tokens.controller = await issue('controller', { controllerId: OWN_CONTROLLER });
    tokens.auditor = await issue('auditor');
    tokens.expiredAuditor = await issue('auditor', { expiresAt: new Date(Date.now() + 1500).toISOString() });
    const revoked = await issueKey(api.url, { name: 'revoked', role: 'processor', tenantId: 'default' });
    const revocation = await call(api.adminToken, `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { key { revokedAt } } }`, {
      input: { keyId: revoked.keyId, reason: 'left the company' },
    });
    expect(revocation.data.revokeApiKey.key.revokedAt).toEqual(expect.any(String));
    tokens.revoked = revoked.token;
    tokens.none = null;
    otherProcessor = await issue('processor', {}, 'other');
    Object.assign(ownRecords, await seed(api.token, OWN_CONTROLLER));
    idsOf.default.push(...Object.values(ownRecords));
    const foreign = await seed(otherProcessor, 'globex-of-other-tenant');
    idsOf.other.push(...Object.values(foreign), 'globex-of-other-tenant');
    outOfReach.anotherController = await seed(api.token, 'initech');
    outOfReach.anotherTenant = await seed(otherProcessor, OWN_CONTROLLER);
    idsOf.other.push(...Object.values(outOfReach.anotherTenant));
    const introspection = await call(api.token, getIntrospectionQuery());
    schema = buildClientSchema(introspection.data);
    await new Promise((resolve) => setTimeout(resolve, 1600)); // the expiring auditor's key lapses
  }, 120_000);
  afterAll(async () => {
    await api.close();
    await dispose();
  });

  const operations = () => [
    ...Object.values(schema.getQueryType()!.getFields()).map((f) => ({ kind: 'query' as const, field: f })),
    ...Object.values(schema.getMutationType()!.getFields()).map((f) => ({ kind: 'mutation' as const, field: f })),
  ];

  it('has an expectation for every operation of the schema, and none for an operation that is gone', () => {
    expect(operations().map((o) => o.field.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('allows and refuses each operation for each caller as the table says', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    // Reads first: the processor's writes with generated input must not change what is read.
    const ordered = operations().sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'query' ? -1 : 1));
    for (const { kind, field } of ordered) {
      const { query, variables } = operationFor(kind, field);
      for (const caller of CALLERS) {
        const answer = await call(tokens[caller], query, variables);
        const code = answer.errors?.[0]?.extensions?.code;
        outcomes.push(`${field.name} by ${caller}: ${DENIED.includes(code ?? '') ? 'denied' : 'allowed'}`);
        expected.push(`${field.name} by ${caller}: ${(EXPECTED[field.name] ?? []).includes(caller) ? 'allowed' : 'denied'}`);
        if (caller === 'expiredAuditor' || caller === 'revoked' || caller === 'none') expect({ field: field.name, caller, code }).toEqual({ field: field.name, caller, code: 'UNAUTHENTICATED' });
      }
    }
    expect(outcomes).toEqual(expected);
  }, 300_000);

  it("keeps each auditor read (who, which operation, when) for the auditor's tenant's processor to list", async () => {
    const before = Date.now();
    expect((await call(tokens.auditor, '{ breaches { edges { node { id } } } }')).errors).toBeUndefined();
    const answer = await call(tokens.processor, '{ auditorReads(last: 500) { keyId actor operation readAt } }');
    expect(answer.errors).toBeUndefined();
    const reads = answer.data.auditorReads;
    expect(reads[0]).toEqual({ keyId: expect.any(String), actor: 'auditor-default', operation: 'breaches', readAt: expect.any(String) });
    expect(new Date(reads[0].readAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Set(reads.map((r: { operation: string }) => r.operation))).toEqual(new Set(Object.keys(EXPECTED).filter((op) => EXPECTED[op].includes('auditor'))));
    expect((await call(otherProcessor, '{ auditorReads { actor } }')).data.auditorReads).toEqual([]);
  });

  it("lets a confined controller key reach its own controller's records by id, and no other controller's or tenant's", async () => {
    const read = (kind: RecordKind, id: string) => call(tokens.controller, `query($id: ID!) { ${kind}(id: $id) { __typename } }`, { id });
    for (const kind of Object.keys(ownRecords) as RecordKind[]) {
      const own = await read(kind, ownRecords[kind]);
      expect({ kind, errors: own.errors, found: !!own.data?.[kind] }).toEqual({ kind, errors: undefined, found: true });
      for (const [whose, records] of Object.entries(outOfReach)) {
        const answer = await read(kind, records[kind]);
        expect({ kind, whose, code: answer.errors?.[0]?.extensions?.code, data: answer.data?.[kind] ?? null }).toEqual({ kind, whose, code: 'FORBIDDEN', data: null });
      }
    }

    // It acts on its own records (withdrawing its instruction names its key as the actor); on another controller's, it is refused and nothing is appended.
    // A controller of its own, since the generated calls above may have ended acme's agreement.
    const hooli = await seed(api.token, 'hooli');
    const hooliKey = (await issueKey(api.url, { name: 'hooli-legal', role: 'controller', tenantId: 'default', controllerId: 'hooli' })).token;
    const withdraw = (instructionId: string) =>
      call(hooliKey, `mutation($input: WithdrawInstructionInput!) { withdrawInstruction(input: $input) { ledger { stream } } }`, {
        input: { instructionId, reason: 'sent to the wrong processor' },
      });
    const withdrawn = await withdraw(hooli.instruction);
    expect(withdrawn.errors).toBeUndefined();
    const events = `query($stream: String!) { history(stream: $stream) { type metadata { actor { id role } } } }`;
    const ownHistory = (await call(tokens.processor, events, { stream: withdrawn.data.withdrawInstruction.ledger.stream })).data.history;
    expect(ownHistory.at(-1)).toEqual({ type: 'InstructionWithdrawn', metadata: { actor: { id: 'hooli-legal', role: 'controller' } } });

    const theirs = outOfReach.anotherController.instruction;
    const revision = async () => (await call(tokens.processor, `query($id: ID!) { instruction(id: $id) { revision } }`, { id: theirs })).data.instruction.revision;
    const before = await revision();
    expect((await withdraw(theirs)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Naming their instruction as the replacement of its own is refused the same way (nothing to learn about their ids).
    const supersede = await call(hooliKey, `mutation($input: SupersedeInstructionInput!) { supersedeInstruction(input: $input) { ledger { stream } } }`, {
      input: { instructionId: hooli.instruction, supersededBy: theirs },
    });
    expect(supersede.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await revision()).toBe(before);
  });

  it('answers no key of one tenant with anything of the other tenant', async () => {
    const readers: Array<[string, 'default' | 'other']> = [
      [tokens.processor!, 'other'],
      [tokens.auditor!, 'other'],
      [tokens.controller!, 'other'],
      [otherProcessor, 'default'],
    ];
    for (const [token, foreign] of readers) {
      for (const { field } of operations().filter((o) => o.kind === 'query')) {
        const { query, variables } = operationFor('query', field);
        const answer = JSON.stringify(await call(token, query.replace(' { __typename }', selectionOf(field)), variables));
        for (const id of idsOf[foreign]) expect({ field: field.name, leaks: answer.includes(id) }).toEqual({ field: field.name, leaks: false });
      }
    }
    // And the lists do show each tenant its own records.
    const breaches = `{ breaches { edges { node { id controllers { controllerId } } } } }`;
    expect(JSON.stringify(await call(tokens.processor, breaches))).toContain(idsOf.default[0]);
    expect(JSON.stringify(await call(otherProcessor, breaches))).toContain(idsOf.other[0]);
  }, 300_000);

  /** The scalar fields of the answer (of each node, for a connection): enough to show what leaks. */
  function selectionOf(field: GraphQLField<unknown, unknown>): string {
    const scalarsOf = (type: GraphQLNamedType): string =>
      isObjectType(type)
        ? Object.values(type.getFields()).filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type))).map((f) => f.name).join(' ') || '__typename'
        : '__typename';
    const type = getNamedType(field.type);
    if (!isObjectType(type)) return isCompositeType(type) ? ' { __typename }' : '';
    const edges = type.getFields().edges;
    if (!edges) return ` { ${scalarsOf(type)} }`;
    const node = (getNamedType(edges.type) as GraphQLObjectType).getFields().node;
    return ` { edges { node { ${scalarsOf(getNamedType(node.type))} } } }`;
  }
});
