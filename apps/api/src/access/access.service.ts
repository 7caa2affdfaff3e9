import { Inject, Injectable } from '@nestjs/common';
import { apiKeyDecider, type ApiKey, DomainError, type ApiKeyIssuedData, apiKeyStream } from '@ledger/domain';
import { type AppendResult, readAsTenant, type SqlClient } from '@ledger/event-store';
import type { CommandMeta } from '../ledger/decider-executor';
import { DeciderExecutor } from '../ledger/decider-executor';
import { type Clock, CLOCK, SQL_CLIENT } from '../ledger/ledger.tokens';
import { ApiKeyCache } from './api-key.cache';
import { hashSecret, mintApiKeyToken } from './api-key-token';
import { type AuditorRead, findApiKey, insertApiKey, listApiKeys, listAuditorReads, listTenants, markApiKeyRevoked } from './api-key.table';

export type ApiKeyRequest = Omit<ApiKeyIssuedData, 'keyId'>;

export interface IssuedApiKey {
  key: ApiKey;
  /** The only time the secret is seen: it is not stored. */
  token: string;
  write: AppendResult;
}

/**
 * Issues and revokes keys: the event (who issued which key, when) first, then the row the
 * service authenticates against. A key whose row could not be written was never shown, so it
 * cannot be used.
 */
@Injectable()
export class AccessService {
  constructor(
    private readonly executor: DeciderExecutor,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly keys: ApiKeyCache,
  ) {}

  async issue(meta: CommandMeta, request: ApiKeyRequest, minted = mintApiKeyToken()): Promise<IssuedApiKey> {
    const { keyId, secret, token } = minted;
    const occurredAt = this.clock();
    // The event lives in the tenant the key opens, so that tenant's history shows who let whom in.
    const { state, write } = await this.executor.execute(
      apiKeyDecider,
      apiKeyStream(keyId),
      { type: 'IssueApiKey', data: { ...request, keyId, occurredAt } },
      { ...meta, tenantId: request.tenantId },
      { newStream: true },
    );
    const key = state as ApiKey;
    if (!write.replayed) await insertApiKey(this.sql, { ...key, secretSha256: hashSecret(secret) });
    return { key, token, write };
  }

  async revoke(meta: CommandMeta, keyId: string, reason: string | null): Promise<{ key: ApiKey; write: AppendResult }> {
    const stored = await findApiKey(this.sql, keyId);
    if (!stored) throw new DomainError(`no key ${keyId}`, 'NOT_FOUND', 'keyId');
    const { state, write } = await this.executor.execute(
      apiKeyDecider,
      apiKeyStream(keyId),
      { type: 'RevokeApiKey', data: { keyId, reason, occurredAt: this.clock() } },
      { ...meta, tenantId: stored.tenantId },
    );
    const key = state as ApiKey;
    await markApiKeyRevoked(this.sql, keyId, key.revokedAt ?? this.clock());
    this.keys.forget(keyId);
    return { key, write };
  }

  auditorReads(tenantId: string, last: number): Promise<AuditorRead[]> {
    return readAsTenant(this.sql, tenantId, (tx) => listAuditorReads(tx, tenantId, last));
  }

  tenants(): Promise<string[]> {
    return listTenants(this.sql);
  }

  list(tenantId?: string): Promise<ApiKey[]> {
    return listApiKeys(this.sql, tenantId).then((keys) => keys.map(({ secretSha256: _, ...key }) => key));
  }
}
