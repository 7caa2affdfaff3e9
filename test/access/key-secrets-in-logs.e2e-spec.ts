import { bearer, issueKey, ServerProcess, tempDir } from '@ledger/testing';

/**
 * A key's secret never reaches the logs: the built service, started with no admin key, prints
 * the one it issues exactly once (the bootstrap line on stdout), and no other secret, used,
 * mistyped or revoked, appears in anything it writes.
 */
describe('API key secrets and the logs of the built service', () => {
  const dir = tempDir();
  const server = new ServerProcess({ LEDGER_DATA_DIR: dir.path, DATABASE_URL: '', LEDGER_ADMIN_TOKEN: '', LOG_LEVEL: 'debug' });
  afterAll(async () => {
    await server.kill('SIGTERM');
    dir.remove();
  });

  it('prints the bootstrap admin key once, and logs no secret of any key', async () => {
    await server.start();
    const printed = /ledger_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}/.exec(server.outputText);
    expect(printed).not.toBeNull();
    const admin = printed![0];
    const secretOf = (token: string) => token.slice(-43);

    const processor = await issueKey(server.url, { name: 'acme-dpo', role: 'processor', tenantId: 'acme' }, admin);
    const auditor = await issueKey(server.url, { name: 'outside-auditor', role: 'auditor', tenantId: 'acme' }, admin);
    const post = (token: string, query: string) =>
      fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(token) }, body: JSON.stringify({ query }) }).then((r) => r.json());
    expect((await post(processor.token, '{ breaches { edges { node { id } } } }')).errors).toBeUndefined();
    expect((await post(auditor.token, '{ verifierKey }')).errors).toBeUndefined();
    const mistyped = processor.token.slice(0, -4) + 'AAAA';
    expect((await post(mistyped, '{ verifierKey }')).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const revoked = await post(admin, `mutation { revokeApiKey(input: { keyId: "${auditor.keyId}" }) { key { revokedAt } } }`);
    expect(revoked.data.revokeApiKey.key.revokedAt).toEqual(expect.any(String));
    expect((await post(auditor.token, '{ verifierKey }')).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    await server.kill('SIGTERM');

    const output = server.outputText;
    expect(output.split(secretOf(admin)).length - 1).toBe(1);
    for (const token of [processor.token, auditor.token, mistyped]) expect(output).not.toContain(secretOf(token));
  }, 120_000);
});
