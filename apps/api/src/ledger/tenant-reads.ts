import { Inject, Injectable } from '@nestjs/common';
import { readAsTenant, type SqlClient, type SqlExecutor } from '@ledger/event-store';
import { SQL_CLIENT } from './ledger.tokens';

/**
 * The only way the API reads the registers: as the tenant of the authenticated key, under
 * row-level security, so a query that forgets `WHERE tenant_id` still sees one tenant's rows.
 */
@Injectable()
export class TenantReads {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}

  /** `work` must query through its `tx` alone (see readAsTenant). */
  as<T>(tenantId: string, work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return readAsTenant(this.sql, tenantId, work);
  }
}
