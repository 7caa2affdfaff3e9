import type { SqlClient } from '@ledger/event-store';
import { hashSecret, mintApiKeyToken } from '@ledger/api/access/api-key-token';
import { insertApiKey } from '@ledger/api/access/api-key.table';
import { SQL_CLIENT } from '@ledger/api/ledger/ledger.tokens';
import { type ApiHarness, bearer, eventually, issueKey, startApi, storagesUnderTest } from '@ledger/testing';

/**
 * Verified keys' rows are cached for LEDGER_KEY_CACHE_SECONDS. A revocation made through the
 * service bites on the next request whatever the cache; one written to the database by another
 * process (`ledger keys revoke`, another instance) bites once the row has aged out; a key issued
 * by another process works at once, since unknown key ids are not cached.
 */
describe.each(storagesUnderTest())('the cache of API keys on the $name store', (storage) => {
  const started: Array<{ api: ApiHarness; dispose: () => Promise<void> }> = [];
  const start = async (keyCacheSeconds: number) => {
    const prepared = await storage.config();
    const api = await startApi({ ...prepared.config, keyCacheSeconds });
    started.push({ api, dispose: prepared.dispose });
    return api;
  };
  afterAll(async () => {
    for (const { api, dispose } of started) {
      await api.close();
      await dispose();
    }
  });

  const answer = async (api: ApiHarness, token: string) => {
    const response = await api.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify({ query: '{ verifierKey }' }),
    });
    const body = await response.json();
    return { status: response.status, code: body.errors?.[0]?.extensions.code, message: body.errors?.[0]?.message };
  };
  /** What `ledger keys revoke` does to the table from another process on PostgreSQL. */
  const revokeInDatabase = (api: ApiHarness, keyId: string) =>
    api.app.get<symbol, SqlClient>(SQL_CLIENT).query('UPDATE api_keys SET revoked_at = now() WHERE key_id = $1', [keyId]);
  const processorKey = (api: ApiHarness, name: string) => issueKey(api.url, { name, role: 'processor', tenantId: 'default' });

  describe('with rows kept for 300 s', () => {
    let api: ApiHarness;
    beforeAll(async () => (api = await start(300)), 60_000);

    it('refuses a key revoked through revokeApiKey on the very next request', async () => {
      const key = await processorKey(api, 'crm-sync');
      expect((await answer(api, key.token)).status).toBe(200);
      const revoked = await api.gql(`mutation { revokeApiKey(input: { keyId: "${key.keyId}", reason: "rotated" }) { key { revokedAt } } }`, {}, bearer(api.adminToken));
      expect(revoked.errors).toBeUndefined();
      expect(await answer(api, key.token)).toEqual({ status: 401, code: 'UNAUTHENTICATED', message: `API key ${key.keyId} was revoked` });
    });

    it('still serves a key revoked in the database by another process while its row is cached', async () => {
      const key = await processorKey(api, 'billing-export');
      expect((await answer(api, key.token)).status).toBe(200);
      await revokeInDatabase(api, key.keyId);
      expect((await answer(api, key.token)).status).toBe(200);
    });

    it('serves a key issued in the database by another process at once, though it was refused just before', async () => {
      const { keyId, secret, token } = mintApiKeyToken();
      expect(await answer(api, token)).toEqual({ status: 401, code: 'UNAUTHENTICATED', message: 'unknown API key' });
      await insertApiKey(api.app.get<symbol, SqlClient>(SQL_CLIENT), {
        keyId, name: 'issued-elsewhere', role: 'processor', tenantId: 'default', controllerId: null, expiresAt: null,
        issuedAt: new Date(), revokedAt: null, secretSha256: hashSecret(secret),
      });
      expect((await answer(api, token)).status).toBe(200);
    });
  });

  describe('with rows kept for 1 s', () => {
    let api: ApiHarness;
    beforeAll(async () => (api = await start(1)), 60_000);

    it('refuses a key revoked in the database by another process once its row has aged out', async () => {
      const key = await processorKey(api, 'hr-sync');
      expect((await answer(api, key.token)).status).toBe(200);
      await revokeInDatabase(api, key.keyId);
      expect(await eventually(async () => (await answer(api, key.token)).status === 401, 10_000)).toBe(true);
      expect(await answer(api, key.token)).toEqual({ status: 401, code: 'UNAUTHENTICATED', message: `API key ${key.keyId} was revoked` });
    });
  });
});
