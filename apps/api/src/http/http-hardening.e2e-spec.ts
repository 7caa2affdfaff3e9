import { type ApiHarness, startApiOn, storagesUnderTest } from '@ledger/testing';
import { QUERY_LIMITS } from '../graphql/armor';

describe('HTTP and GraphQL hardening', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApiOn(storagesUnderTest()[0]);
  });
  afterAll(() => api.close());

  const post = (body: string) => api.fetch(`/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const codeOf = async (response: Response) => (await response.json()).errors.map((e: any) => e.extensions.code);

  it('sends security headers and does not advertise Express', async () => {
    for (const path of ['/graphql', '/health']) {
      const response = await api.fetch(`${path}`, { headers: { accept: 'text/html' } });
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
      expect(response.headers.get('content-security-policy')).toContain("object-src 'none'");
      expect(response.headers.get('strict-transport-security')).toContain('max-age=');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('accepts a body of a megabyte, as a 10,000-subject list in variables needs', async () => {
    const response = await post(JSON.stringify({ query: '{ __typename }', variables: { padding: 'a'.repeat(1_000_000) } }));
    expect(response.status).toBe(200);
    expect((await response.json()).data).toEqual({ __typename: 'Query' });
  });

  it('refuses a body over the limit with a coded error', async () => {
    const response = await post(JSON.stringify({ query: '{ __typename }', variables: { padding: 'a'.repeat(3_000_000) } }));
    expect(response.status).toBe(413);
    expect(await codeOf(response)).toEqual(['PAYLOAD_TOO_LARGE']);
  });

  it('refuses a body that is not JSON with a coded error', async () => {
    const response = await post('{"query": ');
    expect(response.status).toBe(400);
    expect(await codeOf(response)).toEqual(['BAD_REQUEST']);
  });

  it('refuses batched operations', async () => {
    const response = await post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(response.status).toBe(400);
    expect(await codeOf(response)).toEqual(['BAD_REQUEST']);
  });

  it('refuses a query with more aliases than allowed, before running it', async () => {
    const aliases = Array.from({ length: QUERY_LIMITS.aliases + 1 }, (_, i) => `k${i}: verifierKey`).join(' ');
    const response = await api.gql(`{ ${aliases} }`);
    expect(response.data).toBeUndefined();
    expect(response.errors?.map((e) => e.extensions.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('refuses a query longer than the token limit, before running it', async () => {
    const fields = Array.from({ length: QUERY_LIMITS.tokens }, () => 'verifierKey').join(' ');
    const response = await api.gql(`{ ${fields} }`);
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a string PostgreSQL could not store (NUL) as bad input, naming the argument', async () => {
    const response = await api.gql('query ($id: ID!) { instruction(id: $id) { __typename } }', { id: 'a\u0000b' });
    expect(response.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'id', message: 'id must not contain the NUL character' }] });
  });

  it('does not suggest field names to someone probing the schema', async () => {
    const response = await api.gql('{ regster { totalCount } }');
    expect(response.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0].message).not.toContain('register');
  });
});
