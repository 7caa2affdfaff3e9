import { SqlClient, SqlExecutor, sqlErrorOf } from './sql-client';

/**
 * The role tenant reads run as. It may only SELECT, and row-level security shows it the rows of
 * the tenant set in the transaction alone. The service's own user owns the tables and bypasses
 * the policies, so the event store and the projection runner keep writing for every tenant.
 */
export const TENANT_READER_ROLE = 'ledger_reader';

/** The setting a read transaction names its tenant in; unset, the policies match no row. */
const TENANT_SETTING = 'ledger.tenant_id';

/**
 * Every table of the schema that has a tenant_id column gets row-level security and one policy;
 * run at each start-up after the migrations, so a table added later is covered without anyone
 * remembering to. Roles are shared by all databases of a server: creating it may race another
 * database's start-up, which the exception block absorbs.
 */
const ISOLATE = `DO $isolate$
DECLARE t record;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('ledger-tenant-isolation'));
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${TENANT_READER_ROLE}') THEN
    BEGIN
      CREATE ROLE ${TENANT_READER_ROLE} NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
  -- From PostgreSQL 16 the creator of a role holds it WITH ADMIN but may not SET it: ask for SET there.
  IF current_setting('server_version_num')::int >= 160000 THEN
    IF NOT pg_has_role(current_user, '${TENANT_READER_ROLE}', 'SET') THEN
      EXECUTE format('GRANT ${TENANT_READER_ROLE} TO %I WITH SET TRUE', current_user);
    END IF;
  ELSIF NOT pg_has_role(current_user, '${TENANT_READER_ROLE}', 'MEMBER') THEN
    EXECUTE format('GRANT ${TENANT_READER_ROLE} TO %I', current_user);
  END IF;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO ${TENANT_READER_ROLE}', current_schema());
  EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO ${TENANT_READER_ROLE}', current_schema());
  FOR t IN
    SELECT c.oid, c.oid::regclass AS name, c.relrowsecurity
    FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
  LOOP
    IF NOT t.relrowsecurity THEN
      EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t.name);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_policy WHERE polrelid = t.oid AND polname = 'ledger_tenant_isolation') THEN
      EXECUTE format('CREATE POLICY ledger_tenant_isolation ON %s FOR SELECT TO ${TENANT_READER_ROLE} USING (tenant_id = current_setting(%L, true))', t.name, '${TENANT_SETTING}');
    END IF;
  END LOOP;
END
$isolate$`;

/** Why start-up stopped: the database user may not create or use the reader role. */
export class TenantIsolationUnavailable extends Error {}

export async function isolateTenants(sql: SqlClient): Promise<void> {
  try {
    await sql.transaction((tx) => tx.query(ISOLATE));
  } catch (error) {
    if (sqlErrorOf(error).code !== '42501') throw error;
    throw new TenantIsolationUnavailable(
      `the database user may not set up the role ${TENANT_READER_ROLE} that tenant reads run as (${(error as Error).message}): ` +
        `run once as a superuser: CREATE ROLE ${TENANT_READER_ROLE} NOLOGIN; GRANT ${TENANT_READER_ROLE} TO <the ledger's user>; ` +
        `(the ledger's user must own its tables)`,
    );
  }
}

/**
 * Runs `work` in one transaction as the reader role with `tenantId` set: whatever it queries,
 * rows of another tenant are not there, even for a statement that forgets its tenant filter.
 * `work` must use only `tx`; on the embedded store another query would wait for this transaction.
 */
export function readAsTenant<T>(sql: SqlClient, tenantId: string, work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  return sql.transaction(async (tx) => {
    await tx.query(`SELECT set_config('role', '${TENANT_READER_ROLE}', true), set_config('${TENANT_SETTING}', $1, true)`, [tenantId]);
    return work({ query: (text, params) => tx.query(text, params), client: sql });
  });
}
