import { bearer, runLedgerCli, ServerProcess, tempDir } from '@ledger/testing';

/**
 * `ledger keys create|list|revoke` on the stopped embedded store: the key printed once works
 * against the service, `list` shows no secret, and a revoked key is refused.
 */
describe('ledger keys', () => {
  const dir = tempDir();
  const env = { LEDGER_DATA_DIR: dir.path, DATABASE_URL: '' };
  afterAll(() => dir.remove());

  it('creates a key printed once, lists keys without secrets, and revokes', async () => {
    const created = runLedgerCli(['keys', 'create', '--name', 'trainer', '--role', 'processor', '--tenant', 'demo-training'], env);
    expect(created.status).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^ledger_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}$/);
    const keyId = token.slice('ledger_'.length, 'ledger_'.length + 36);
    expect(created.stderr).toContain(`issued processor key ${keyId} for tenant demo-training`);

    const refused = runLedgerCli(['keys', 'create', '--name', 'x', '--role', 'controller', '--tenant', 'demo-training'], env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/controllerId/);

    const listed = runLedgerCli(['keys', 'list'], env);
    expect(listed.stdout).toBe(`${keyId}\tdemo-training\tprocessor\t*\ttrainer\tactive\n`);
    expect(listed.stdout).not.toContain(token.slice(-43));

    const server = new ServerProcess({ ...env, LEDGER_ADMIN_TOKEN: '' });
    try {
      await server.start();
      const answer = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(token) },
        body: JSON.stringify({ query: '{ dataProcessingAgreements { edges { node { controllerId } } } }' }),
      }).then((r) => r.json());
      expect(answer).toEqual({ data: { dataProcessingAgreements: { edges: [] } } });
    } finally {
      await server.kill('SIGTERM');
    }

    const revoked = runLedgerCli(['keys', 'revoke', keyId, '--reason', 'course over'], env);
    expect(revoked.stdout).toBe(`revoked key ${keyId} (processor, tenant demo-training)\n`);
    expect(runLedgerCli(['keys', 'list', '--tenant', 'demo-training'], env).stdout).toMatch(new RegExp(`^${keyId}\\t.*\\trevoked `));
  }, 180_000);
});
