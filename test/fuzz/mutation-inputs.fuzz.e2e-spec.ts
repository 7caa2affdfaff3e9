import fc from 'fast-check';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  isLeafType,
} from 'graphql';
import { catchUp, type EventStore } from '@ledger/event-store';
import { EVENT_STORE } from '@ledger/api/ledger/ledger.tokens';
import { type ApiHarness, startApi, storagesUnderTest } from '@ledger/testing';
import { demo } from '../../apps/cli/src/commands/demo.command';

/**
 * Every mutation of the schema, fed random and malformed input: the answer is a success or a
 * coded refusal, never an internal error, and a refusal appends nothing. Inputs are built from
 * the schema itself, so a new mutation is covered without touching this file; strings are
 * often ids of the demo's records, so that the deciders, not only validation, are exercised.
 */
const REFUSAL_CODES = ['BAD_USER_INPUT', 'BAD_REQUEST', 'GRAPHQL_VALIDATION_FAILED', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN'];
const RUNS_PER_MUTATION = 40;

const NASTY_STRINGS = ['', ' ', '\u0000', 'a\u0000b', "'; DROP TABLE ledger_events; --", '💥\u202e', '../../etc/passwd', 'null', '0', '-1', 'x'.repeat(20_000)];
const DATES = ['2026-02-30T00:00:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', 'yesterday', '2026-11-28', '2026-11-28T12:00:00+14:00', ''];

function strings(pool: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...pool) },
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 1, arbitrary: fc.emailAddress() },
    { weight: 1, arbitrary: fc.uuid() },
  );
}

function scalar(name: string, pool: string[]): fc.Arbitrary<unknown> {
  const wrongType = fc.oneof(fc.integer(), fc.boolean(), fc.constant({}), fc.constant([1]));
  const typed: Record<string, fc.Arbitrary<unknown>> = {
    Int: fc.oneof(fc.integer({ min: -5, max: 500 }), fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, 1.5)),
    Float: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -1, 1e308)),
    Boolean: fc.boolean(),
    DateTime: fc.oneof(
      fc.date({ min: new Date('1990-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constantFrom(...DATES),
    ),
    JSONObject: fc.oneof(fc.object({ maxDepth: 2 }), fc.constant(null)),
  };
  return fc.oneof({ weight: 9, arbitrary: typed[name] ?? strings(pool) }, { weight: 1, arbitrary: wrongType });
}

function inputFor(type: GraphQLInputType, pool: string[], depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return fc.oneof({ weight: 15, arbitrary: inputFor(type.ofType, pool, depth) }, { weight: 1, arbitrary: fc.constant(null) });
  const value: fc.Arbitrary<unknown> = isListType(type)
    ? fc.array(inputFor(type.ofType, pool, depth + 1), { maxLength: depth > 2 ? 1 : 4 })
    : isEnumType(type)
      ? fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)) }, { weight: 1, arbitrary: strings(pool) })
      : isInputObjectType(type)
        ? fc
            .record(
              Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, inputFor(f.type, pool, depth + 1)])),
              { requiredKeys: [] },
            )
            .chain((record) => fc.oneof({ weight: 9, arbitrary: fc.constant(record) }, { weight: 1, arbitrary: fc.constant({ ...record, unexpected: 'field' }) }))
        : isScalarType(type)
          ? scalar(type.name, pool)
          : fc.constant(null);
  return fc.oneof({ weight: 12, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) });
}

function operationFor(field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : '{ __typename }';
  return `mutation${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection} }`;
}

/** Every id-like string the demo wrote, so that random inputs often name records that exist. */
async function idsIn(store: EventStore): Promise<string[]> {
  const ids = new Set<string>();
  const collect = (value: unknown, key = ''): void => {
    if (typeof value === 'string' && /Id$|^stream$/.test(key)) ids.add(value);
    else if (Array.isArray(value)) value.forEach((v) => collect(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, k);
  };
  for await (const batch of catchUp(store, null, 1000))
    for (const event of batch) {
      collect(event.data);
      ids.add(event.stream);
    }
  return [...ids];
}

describe('every mutation, fed random and malformed input', () => {
  const storage = storagesUnderTest()[0];
  let api: ApiHarness;
  let dispose: () => Promise<void>;
  let schema: GraphQLSchema;
  let pool: string[];
  let store: EventStore;

  beforeAll(async () => {
    const prepared = await storage.config();
    dispose = prepared.dispose;
    await demo(prepared.config, () => undefined);
    api = await startApi(prepared.config);
    store = api.app.get<EventStore>(EVENT_STORE);
    schema = buildClientSchema((await api.gql(getIntrospectionQuery())).data);
    pool = await idsIn(store);
  }, 300_000);
  afterAll(async () => {
    await api?.close();
    await dispose?.();
  });

  it('covers the whole schema', () => {
    expect(Object.keys(schema.getMutationType()!.getFields()).length).toBeGreaterThan(20);
  });

  it('answers each with a success or a coded refusal that appends nothing', async () => {
    const failures: string[] = [];
    for (const field of Object.values(schema.getMutationType()!.getFields())) {
      const operation = operationFor(field);
      const variables = fc.record(Object.fromEntries(field.args.map((a) => [a.name, inputFor(a.type, pool)])), { requiredKeys: [] });
      await fc.assert(
        fc.asyncProperty(variables, async (vars) => {
          const before = await store.countEvents();
          const response = await api.fetch(`/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: operation, variables: vars }),
          });
          const body = await response.json();
          const codes: string[] = (body.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code ?? 'NO CODE');
          const appended = (await store.countEvents()) - before;
          const verdict = { mutation: field.name, status: response.status, codes, appended };
          const ok = response.status < 500 && codes.every((c) => REFUSAL_CODES.includes(c)) && (codes.length === 0 || appended === 0);
          if (!ok) failures.push(JSON.stringify({ ...verdict, vars, errors: body.errors }).slice(0, 2000));
          return ok;
        }),
        { numRuns: RUNS_PER_MUTATION, endOnFailure: true },
      ).catch(() => undefined);
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
