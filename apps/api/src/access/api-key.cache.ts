import { Inject, Injectable } from '@nestjs/common';
import type { SqlClient } from '@ledger/event-store';
import { LRUCache } from 'lru-cache';
import { DEFAULT_KEY_CACHE_SECONDS, type LedgerConfig } from '../config';
import { LEDGER_CONFIG, SQL_CLIENT } from '../ledger/ledger.tokens';
import { findApiKey, type StoredApiKey } from './api-key.table';

/** Far more keys than a deployment holds: beyond it the least recently used rows are read again. */
const MAX_CACHED_KEYS = 10_000;

/**
 * Key rows as the authenticator reads them, kept for LEDGER_KEY_CACHE_SECONDS so that a busy key
 * does not cost a database round trip per request. Rows are kept, never a verdict: the secret and
 * the expiry are checked on every request. A revocation made through this process evicts the row
 * at once; one made by another process (`ledger keys revoke`, another instance on the same
 * database) bites once the row has aged out. Unknown key ids are not kept, so a key issued by
 * another process works at once and guessed ids cannot push real keys out.
 */
@Injectable()
export class ApiKeyCache {
  private readonly rows: LRUCache<string, StoredApiKey> | null;
  /** A read that was under way when a row was evicted may hold the row as it was: it must not be kept. */
  private evictions = 0;

  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(LEDGER_CONFIG) config: LedgerConfig,
  ) {
    const seconds = config.keyCacheSeconds ?? DEFAULT_KEY_CACHE_SECONDS;
    this.rows = seconds > 0 ? new LRUCache({ max: MAX_CACHED_KEYS, ttl: seconds * 1000 }) : null;
  }

  async find(keyId: string): Promise<StoredApiKey | null> {
    const cached = this.rows?.get(keyId);
    if (cached) return cached;
    const evictions = this.evictions;
    const key = await findApiKey(this.sql, keyId);
    if (key && evictions === this.evictions) this.rows?.set(keyId, key);
    return key;
  }

  /** The key's row changed (revoked here): the next request reads it again. */
  forget(keyId: string): void {
    this.evictions += 1;
    this.rows?.delete(keyId);
  }
}
