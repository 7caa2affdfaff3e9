import type { SqlClient } from '@ledger/event-store';
import { SQL_CLIENT } from '@ledger/api/ledger/ledger.tokens';
import { type ApiHarness, bearer, issueKey, startApi, storagesUnderTest } from '@ledger/testing';

/**
 * The rate limit per API key (LEDGER_RATE_LIMIT_PER_MINUTE): a key over its limit is refused
 * before anything runs, with the coded answer and the Retry-After a client needs, and no other
 * key, of its own tenant included, is held back with it.
 */
const LIMIT = 5;
const OBJECT = `mutation O($input: RecordObjectionInput!) { recordObjection(input: $input) { ledger { stream } } }`;
const PERMISSION = `query P($subject: String!) { contactPermission(subject: $subject, channel: EMAIL, audience: B2B, purpose: "newsletter") { allowed rule } }`;
const objection = (subject: string) => ({ input: { subject, channel: 'EMAIL', source: 'unsubscribe link' } });

// The count lives in the service's memory, not in the store: one store is enough.
describe.each(storagesUnderTest().slice(0, 1))('rate limit per API key on the $name store', (storage) => {
  let api: ApiHarness;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const prepared = await storage.config();
    dispose = prepared.dispose;
    api = await startApi({ ...prepared.config, rateLimitPerMinute: LIMIT });
  }, 60_000);
  afterAll(async () => {
    await api.close();
    await dispose();
  });

  const post = (token: string, query: string, variables: Record<string, unknown> = {}) =>
    api.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(token) }, body: JSON.stringify({ query, variables }) });
  const eventCount = async () => {
    const [{ n }] = await api.app.get<symbol, SqlClient>(SQL_CLIENT).query<{ n: number }>('SELECT count(*)::int AS n FROM ledger_events');
    return n;
  };

  it(`serves ${LIMIT} requests of a key in a minute, refuses the next with 429 RATE_LIMITED and runs nothing, and serves another key of the tenant`, async () => {
    const crm = await issueKey(api.url, { name: 'crm-sync', role: 'processor', tenantId: 'default' });
    const dpo = await issueKey(api.url, { name: 'dpo-console', role: 'processor', tenantId: 'default' });

    // Only authenticated requests count: someone who knows a key id but not its secret cannot use up its requests.
    const forged = crm.token.slice(0, -4) + (crm.token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    for (let i = 0; i < LIMIT; i++) expect((await post(forged, '{ verifierKey }')).status).toBe(401);

    const served = [await post(crm.token, OBJECT, objection('first@example.org'))];
    for (let i = 1; i < LIMIT; i++) served.push(await post(crm.token, '{ verifierKey }'));
    for (const answer of served) {
      expect(answer.status).toBe(200);
      expect((await answer.json()).errors).toBeUndefined();
    }

    const eventsBefore = await eventCount();
    const refused = await post(crm.token, OBJECT, objection('refused@example.org'));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(await refused.json()).toEqual({
      errors: [{ message: `API key ${crm.keyId} made more than ${LIMIT} requests this minute on this instance; retry in ${retryAfter} s`, extensions: { code: 'RATE_LIMITED', retryable: true } }],
    });
    expect(await eventCount()).toBe(eventsBefore);

    const permission = async (subject: string) => (await (await post(dpo.token, PERMISSION, { subject })).json()).data.contactPermission;
    expect(await permission('refused@example.org')).toEqual({ allowed: true, rule: 'PROFESSIONAL_OPT_OUT' });
    expect(await permission('first@example.org')).toEqual({ allowed: false, rule: 'OBJECTION' });

    for (const path of ['/proofs/consistency?fromSize=1', '/exports/register?format=json']) {
      const download = await api.fetch(path, { headers: bearer(crm.token) });
      expect(download.status).toBe(429);
      expect(download.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await download.json()).toEqual({ message: expect.stringContaining(`API key ${crm.keyId} made more than ${LIMIT} requests`), code: 'RATE_LIMITED', retryable: true });
    }
  }, 60_000);
});
