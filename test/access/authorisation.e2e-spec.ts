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
/** Mutations a controller makes on its own relationship (GDPR-RULES: instructions, Art. 28(2) objections and approvals, audits Art. 28(3)(h)). */
const WRITE_WITH_CONTROLLER = ['processor', 'controller'] as const;
/** Reads by record id or over the whole tenant: a controller key, confined to its relationship, is refused. */
const READ = ['processor', 'auditor'] as const;
/** Reads that name the relationship (controllerId), or read the log as a whole (checkpoints). */
const READ_WITH_CONTROLLER = ['processor', 'auditor', 'controller'] as const;

const EXPECTED: Record<string, readonly Caller[]> = {
  // Queries
  apiKeys: ADMIN,
  auditorReads: ['processor'],
  tenants: ADMIN,
  audit: READ,
  audits: READ_WITH_CONTROLLER,
  breach: READ,
  breaches: READ_WITH_CONTROLLER,
  checkpoint: READ_WITH_CONTROLLER,
  consistencyProof: READ_WITH_CONTROLLER,
  contactPermission: READ,
  contactPermissions: READ,
  dataProcessingAgreement: READ_WITH_CONTROLLER,
  dataProcessingAgreements: READ,
  dataSubjectRequest: READ,
  dataSubjectRequests: READ_WITH_CONTROLLER,
  deadlines: READ_WITH_CONTROLLER,
  history: READ,
  inclusionProof: READ,
  instruction: READ,
  instructions: READ_WITH_CONTROLLER,
  processingActivity: READ,
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
  closeAudit: WRITE,
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
  raiseAuditFinding: WRITE,
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
  supersedeInstruction: WRITE,
  terminateDataProcessingAgreement: WRITE,
  withdrawConsent: WRITE,
  withdrawInstruction: WRITE,
};

const OWN_CONTROLLER = 'acme';
const DENIED = ['FORBIDDEN', 'UNAUTHENTICATED'];

/** A well-typed value for a field: enough for the call to reach its policy. Every controllerId names the caller's own relationship. */
function valueFor(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, name);
  if (isListType(type)) return [valueFor(type.ofType, name)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) || f.name === 'controllerId');
    return Object.fromEntries(fields.map((f) => [f.name, valueFor(f.type, f.name)]));
  }
  if (name === 'controllerId') return OWN_CONTROLLER;
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
    variables: Object.fromEntries(args.map((a) => [a.name, valueFor(a.type, a.name)])),
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

  async function seed(token: string, tenant: 'default' | 'other') {
    const controllerId = tenant === 'default' ? OWN_CONTROLLER : 'globex-of-other-tenant';
    const breach = await call(token, `mutation($input: RecordBreachInput!) { recordBreach(input: $input) { breach { id } } }`, {
      input: {
        nature: `breach of ${tenant}`, dataSubjectCategories: ['employees'], approximateDataSubjectCount: 3, recordCategories: ['e-mail'],
        approximateRecordCount: 3, likelyConsequences: 'phishing', measures: 'reset', controllerIds: [controllerId], riskLevel: 'RISK',
      },
    });
    expect(breach.errors).toBeUndefined();
    idsOf[tenant].push(breach.data.recordBreach.breach.id, controllerId);
  }

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
    await seed(api.token, 'default');
    await seed(otherProcessor, 'other');
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
