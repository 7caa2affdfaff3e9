import type { ApiKey, ApiKeyRole } from '@ledger/domain';
import { migrate, type SqlClient, type SqlExecutor } from '@ledger/event-store';

/**
 * The keys as the service looks them up on every request, and the log of auditor reads. Not a
 * projection: it holds the hash of each secret, which no event carries, so `ledger rebuild`
 * leaves it alone; the ApiKeyIssued and ApiKeyRevoked events are the audit trail of the keys.
 */
const migrations = [
  {
    version: 1,
    statements: [
      `CREATE TABLE api_keys (
        key_id text PRIMARY KEY,
        tenant_id text NOT NULL,
        name text NOT NULL,
        role text NOT NULL,
        controller_id text,
        expires_at timestamptz,
        issued_at timestamptz NOT NULL,
        revoked_at timestamptz,
        secret_sha256 text NOT NULL
      )`,
      'CREATE INDEX api_keys_by_tenant ON api_keys (tenant_id, issued_at)',
    ],
  },
  {
    version: 2,
    statements: [
      // Who read what, when, with an auditor key: the processor can list them (issue 7).
      `CREATE TABLE auditor_reads (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tenant_id text NOT NULL,
        key_id text NOT NULL,
        actor text NOT NULL,
        operation text NOT NULL,
        read_at timestamptz NOT NULL
      )`,
      'CREATE INDEX auditor_reads_by_tenant ON auditor_reads (tenant_id, read_at)',
    ],
  },
];

export interface StoredApiKey extends ApiKey {
  secretSha256: string;
}

interface Row {
  key_id: string;
  tenant_id: string;
  name: string;
  role: string;
  controller_id: string | null;
  expires_at: Date | string | null;
  issued_at: Date | string;
  revoked_at: Date | string | null;
  secret_sha256: string;
}

const date = (value: Date | string) => (value instanceof Date ? value : new Date(value));

function keyOf(row: Row): StoredApiKey {
  return {
    keyId: row.key_id,
    tenantId: row.tenant_id,
    name: row.name,
    role: row.role as ApiKeyRole,
    controllerId: row.controller_id,
    expiresAt: row.expires_at ? date(row.expires_at).toISOString() : null,
    issuedAt: date(row.issued_at),
    revokedAt: row.revoked_at ? date(row.revoked_at) : null,
    secretSha256: row.secret_sha256,
  };
}

export const migrateApiKeys = (sql: SqlClient) => migrate(sql, 'api_keys', migrations);

export async function insertApiKey(sql: SqlExecutor, key: StoredApiKey): Promise<void> {
  await sql.query(
    `INSERT INTO api_keys (key_id, tenant_id, name, role, controller_id, expires_at, issued_at, revoked_at, secret_sha256)
     VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8)`,
    [key.keyId, key.tenantId, key.name, key.role, key.controllerId, key.expiresAt, key.issuedAt, key.secretSha256],
  );
}

export async function markApiKeyRevoked(sql: SqlExecutor, keyId: string, at: Date): Promise<void> {
  await sql.query('UPDATE api_keys SET revoked_at = $2 WHERE key_id = $1 AND revoked_at IS NULL', [keyId, at]);
}

export async function findApiKey(sql: SqlExecutor, keyId: string): Promise<StoredApiKey | null> {
  const [row] = await sql.query<Row & Record<string, unknown>>('SELECT * FROM api_keys WHERE key_id = $1', [keyId]);
  return row ? keyOf(row) : null;
}

/** Every key, or one tenant's, oldest first. */
export async function listApiKeys(sql: SqlExecutor, tenantId?: string): Promise<StoredApiKey[]> {
  const rows = tenantId
    ? await sql.query<Row & Record<string, unknown>>('SELECT * FROM api_keys WHERE tenant_id = $1 ORDER BY issued_at, key_id', [tenantId])
    : await sql.query<Row & Record<string, unknown>>('SELECT * FROM api_keys ORDER BY issued_at, key_id');
  return rows.map(keyOf);
}

export async function hasActiveAdminKey(sql: SqlExecutor, now: Date): Promise<boolean> {
  const rows = await sql.query(
    `SELECT 1 FROM api_keys WHERE role = 'admin' AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $1) LIMIT 1`,
    [now],
  );
  return rows.length > 0;
}

/** A tenant exists once a key names it (README, Access). */
export async function listTenants(sql: SqlExecutor): Promise<string[]> {
  const rows = await sql.query<{ tenant_id: string }>('SELECT DISTINCT tenant_id FROM api_keys ORDER BY tenant_id');
  return rows.map((r) => r.tenant_id);
}

export interface AuditorRead {
  keyId: string;
  actor: string;
  operation: string;
  readAt: Date;
}

export async function recordAuditorRead(sql: SqlExecutor, tenantId: string, read: AuditorRead): Promise<void> {
  await sql.query('INSERT INTO auditor_reads (tenant_id, key_id, actor, operation, read_at) VALUES ($1, $2, $3, $4, $5)', [
    tenantId, read.keyId, read.actor, read.operation, read.readAt,
  ]);
}

/** A tenant's auditor reads, newest first. */
export async function listAuditorReads(sql: SqlExecutor, tenantId: string, limit: number): Promise<AuditorRead[]> {
  const rows = await sql.query<{ key_id: string; actor: string; operation: string; read_at: Date | string }>(
    'SELECT key_id, actor, operation, read_at FROM auditor_reads WHERE tenant_id = $1 ORDER BY read_at DESC, id DESC LIMIT $2',
    [tenantId, limit],
  );
  return rows.map((r) => ({ keyId: r.key_id, actor: r.actor, operation: r.operation, readAt: date(r.read_at) }));
}
