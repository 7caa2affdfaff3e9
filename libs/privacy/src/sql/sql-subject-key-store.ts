import { randomBytes } from 'node:crypto';
import { migrate, type SqlClient } from '@ledger/event-store';
import { DATA_KEY_BYTES } from '../sealed-field';
import type { SubjectKeyStore } from '../subject-key-store.port';
import { subjectKeyMigrations } from './subject-key.migrations';

/** Data keys in the ledger's own database (PostgreSQL or PGlite), table ledger_subject_keys. */
export class SqlSubjectKeyStore implements SubjectKeyStore {
  private constructor(private readonly sql: SqlClient) {}

  static async open(sql: SqlClient): Promise<SqlSubjectKeyStore> {
    await migrate(sql, 'subject-keys', subjectKeyMigrations);
    return new SqlSubjectKeyStore(sql);
  }

  async keyFor(tenantId: string, subjectId: string): Promise<Buffer> {
    // Insert-or-keep, then read: the loser of a race reads the winner's key.
    await this.sql.query(
      'INSERT INTO ledger_subject_keys (tenant_id, subject_id, data_key) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, subject_id) DO NOTHING',
      [tenantId, subjectId, randomBytes(DATA_KEY_BYTES)],
    );
    const key = await this.find(tenantId, subjectId);
    if (!key) throw new Error(`the key of subject ${subjectId} was destroyed while it was being created`);
    return key;
  }

  async keysFor(tenantId: string, subjectIds: string[]): Promise<Map<string, Buffer>> {
    const unique = [...new Set(subjectIds)];
    // One statement: insert the missing keys, then read them all (the new ones and those kept).
    await this.sql.query(
      `INSERT INTO ledger_subject_keys (tenant_id, subject_id, data_key)
       SELECT $1, s.subject_id, s.data_key FROM unnest($2::text[], $3::bytea[]) AS s(subject_id, data_key)
       ON CONFLICT (tenant_id, subject_id) DO NOTHING`,
      [tenantId, unique, unique.map(() => randomBytes(DATA_KEY_BYTES))],
    );
    const rows = await this.sql.query<{ subject_id: string; data_key: Uint8Array }>(
      'SELECT subject_id, data_key FROM ledger_subject_keys WHERE tenant_id = $1 AND subject_id = ANY($2::text[])',
      [tenantId, unique],
    );
    const keys = new Map(rows.map((row) => [row.subject_id, Buffer.from(row.data_key)]));
    const missing = unique.find((id) => !keys.has(id));
    if (missing) throw new Error(`the key of subject ${missing} was destroyed while it was being created`);
    return keys;
  }

  async find(tenantId: string, subjectId: string): Promise<Buffer | null> {
    const [row] = await this.sql.query<{ data_key: Uint8Array }>(
      'SELECT data_key FROM ledger_subject_keys WHERE tenant_id = $1 AND subject_id = $2',
      [tenantId, subjectId],
    );
    return row ? Buffer.from(row.data_key) : null;
  }

  async destroy(tenantId: string, subjectId: string): Promise<boolean> {
    const deleted = await this.sql.query('DELETE FROM ledger_subject_keys WHERE tenant_id = $1 AND subject_id = $2 RETURNING subject_id', [tenantId, subjectId]);
    return deleted.length > 0;
  }
}
