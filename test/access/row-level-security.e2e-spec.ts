import type { SqlClient } from '@ledger/event-store';
import { sealedSize, sizeRecordedBy } from '@ledger/projections';
import { SQL_CLIENT } from '@ledger/api/ledger/ledger.tokens';
import { TenantReads } from '@ledger/api/ledger/tenant-reads';
import { DEMO_SCENARIOS, loadDemo } from '../../apps/cli/src/demo/load-demo';
import { type ApiHarness, startApi, storagesUnderTest } from '@ledger/testing';

/**
 * Defence in depth (issue 7): the registers are read as the authenticated key's tenant under
 * row-level security, so a statement that forgets `WHERE tenant_id` still returns one tenant's
 * rows. Three demo processors fill every register; each then runs such statements.
 */
const TENANTS = DEMO_SCENARIOS.map((s) => s.tenantId);
type Counts = Map<string, Map<string, number>>;

const TABLES_WITH_TENANT = `
  SELECT c.relname AS name, c.relrowsecurity AS protected,
         EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'ledger_tenant_isolation') AS has_policy
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
  WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
  ORDER BY c.relname`;

const forgetfulCount = (table: string) => `SELECT tenant_id, count(*)::int AS n FROM ${table} GROUP BY tenant_id`;

async function countsAsOwner(sql: SqlClient, tables: string[]): Promise<Counts> {
  const counts: Counts = new Map();
  for (const table of tables) counts.set(table, new Map((await sql.query<{ tenant_id: string; n: number }>(forgetfulCount(table))).map((r) => [r.tenant_id, r.n])));
  return counts;
}

/** The sealer and checkpoint signer run on their own: wait until two looks at the tables agree. */
async function settledCounts(sql: SqlClient, tables: string[]): Promise<Counts> {
  let last = JSON.stringify([]);
  for (let attempt = 0; attempt < 100; attempt++) {
    const counts = await countsAsOwner(sql, tables);
    const now = JSON.stringify([...counts].map(([t, c]) => [t, [...c]]));
    if (now === last) return counts;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error('the read models did not settle');
}

describe.each(storagesUnderTest())('row-level security on the $name store', (storage) => {
  let api: ApiHarness;
  let dispose: () => Promise<void>;
  let sql: SqlClient;
  let reads: TenantReads;
  let tables: { name: string; protected: boolean; has_policy: boolean }[];
  let owner: Counts;

  beforeAll(async () => {
    const prepared = await storage.config();
    dispose = prepared.dispose;
    api = await startApi(prepared.config);
    await loadDemo(api.app);
    sql = api.app.get(SQL_CLIENT);
    reads = api.app.get(TenantReads);
    tables = await sql.query(TABLES_WITH_TENANT);
    owner = await settledCounts(sql, tables.map((t) => t.name));
  }, 180_000);

  afterAll(async () => {
    await api?.close();
    await dispose?.();
  });

  it('protects every table that holds a tenant id, registers and their revisions included', () => {
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['rm_instructions', 'rm_instructions_revisions', 'rm_processing_activities', 'ledger_events', 'ledger_merkle_leaves']));
    expect(tables.filter((t) => !t.protected || !t.has_policy)).toEqual([]);
    // The demo leaves several tenants side by side in most tables, so the statements below could leak.
    const shared = [...owner].filter(([, byTenant]) => byTenant.size === TENANTS.length).map(([table]) => table);
    expect(shared.length).toBeGreaterThanOrEqual(10);
  });

  it.each(TENANTS)('a statement without a tenant filter, run as %s, returns its rows and no other tenant’s', async (tenant) => {
    for (const { name } of tables) {
      const seen = await reads.as(tenant, (tx) => tx.query<{ tenant_id: string; n: number }>(forgetfulCount(name)));
      const own = owner.get(name)!.get(tenant);
      expect({ table: name, seen }).toEqual({ table: name, seen: own ? [{ tenant_id: tenant, n: own }] : [] });
    }
  });

  it('a tenant with no data sees no row of any table', async () => {
    for (const { name } of tables) expect({ table: name, rows: await reads.as('nobody', (tx) => tx.query(`SELECT * FROM ${name}`)) }).toEqual({ table: name, rows: [] });
  });

  it('tells a tenant the size of the whole log, not the end of its own leaves (points in time, exports at a time)', async () => {
    const whole = await sealedSize(sql);
    // The demo loads the first tenant first: its own leaves end well before the log does.
    expect(owner.get('ledger_merkle_leaves')!.get(TENANTS[0])!).toBeLessThan(whole);
    expect(await reads.as(TENANTS[0], (tx) => sealedSize(tx))).toBe(whole);
    expect(await reads.as(TENANTS[0], (tx) => sizeRecordedBy(tx, new Date()))).toBe(whole);
  });

  it('tenant reads cannot write: a delete is refused and the rows stay', async () => {
    await expect(reads.as(TENANTS[0], (tx) => tx.query('DELETE FROM rm_instructions'))).rejects.toThrow(/permission denied/);
    expect((await countsAsOwner(sql, ['rm_instructions'])).get('rm_instructions')).toEqual(owner.get('rm_instructions'));
  });
});
