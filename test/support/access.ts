import type { SqlExecutor } from '@ledger/event-store';
import { hashSecret, parseApiKeyToken } from '@ledger/api/access/api-key-token';
import { findApiKey, insertApiKey } from '@ledger/api/access/api-key.table';

/**
 * Keys for tests: the admin key every test service is started with (LEDGER_ADMIN_TOKEN), and a
 * helper that issues further keys through the API, as an operator would.
 */
export const TEST_ADMIN_TOKEN = 'ledger_01a222c1-a561-7778-b639-737679d0acbe_9BODQM22FLK2JBW4X9Mk95TXBSuvH2AYEZCpJka6p24';

/** The processor key of tenant `default` that in-process test clients send unless told otherwise. */
export const TEST_PROCESSOR_TOKEN = 'ledger_01a222c5-c9c5-7335-a72b-8972ce720d75_ixGXIsU8fb4TBFq6B6b1ROioH3U-bCT2Shop-UlT4HQ';

/** The actor the ledger records for what the test processor key does. */
export const TEST_PROCESSOR_ACTOR = { id: 'test-processor', role: 'processor', keyId: '01a222c5-c9c5-7335-a72b-8972ce720d75' };

/**
 * Registers the test admin and processor keys straight in the key table, without their
 * ApiKeyIssued events: the log under test then holds only what the test itself writes (tree
 * sizes, leaf indexes). Issuing through the API, events included, is what test/access tests.
 */
export async function registerTestKeys(sql: SqlExecutor): Promise<void> {
  const keys = [
    { token: TEST_ADMIN_TOKEN, name: 'test-admin', role: 'admin' as const },
    { token: TEST_PROCESSOR_TOKEN, name: 'test-processor', role: 'processor' as const },
  ];
  for (const { token, name, role } of keys) {
    const { keyId, secret } = parseApiKeyToken(token)!;
    if (await findApiKey(sql, keyId)) continue;
    await insertApiKey(sql, {
      keyId, name, role, tenantId: 'default', controllerId: null, expiresAt: null, issuedAt: new Date(), revokedAt: null, secretSha256: hashSecret(secret),
    });
  }
}

export interface KeyRequest {
  name: string;
  role: 'admin' | 'processor' | 'controller' | 'auditor';
  tenantId: string;
  controllerId?: string | null;
  expiresAt?: string | null;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Issues a key on the service at `url` with the admin token; returns its token and id. */
export async function issueKey(url: string, request: KeyRequest, adminToken = TEST_ADMIN_TOKEN): Promise<{ token: string; keyId: string }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(adminToken) },
    body: JSON.stringify({
      query: 'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { token key { keyId } } }',
      variables: { input: request },
    }),
  });
  const body = (await response.json()) as { data?: { createApiKey: { token: string; key: { keyId: string } } }; errors?: unknown };
  if (!body.data) throw new Error(`createApiKey failed: ${JSON.stringify(body.errors)}`);
  return { token: body.data.createApiKey.token, keyId: body.data.createApiKey.key.keyId };
}

/** The processor key for tenant `default` that test clients send unless told otherwise. */
export const issueProcessorKey = (url: string, adminToken = TEST_ADMIN_TOKEN) =>
  issueKey(url, { name: 'test-processor', role: 'processor', tenantId: 'default' }, adminToken);
