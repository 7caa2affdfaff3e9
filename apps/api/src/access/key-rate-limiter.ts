import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DEFAULT_RATE_LIMIT_PER_MINUTE, type LedgerConfig } from '../config';
import { LEDGER_CONFIG } from '../ledger/ledger.tokens';

/** A key that has used up this minute's requests; the caller may retry after `retryAfterSeconds`. */
export class RateLimited extends Error {
  constructor(readonly retryAfterSeconds: number, message: string) {
    super(message);
  }
}

/**
 * LEDGER_RATE_LIMIT_PER_MINUTE requests per API key and minute, counted by key id so that one key
 * using up its share leaves every other key served, those of its own tenant included. Counted in
 * this process's memory: each instance counts its own requests, and a restart starts afresh.
 */
@Injectable()
export class KeyRateLimiter {
  private readonly perMinute: number;
  private readonly limiter: RateLimiterMemory | null;

  constructor(@Inject(LEDGER_CONFIG) config: LedgerConfig) {
    this.perMinute = config.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
    this.limiter = this.perMinute > 0 ? new RateLimiterMemory({ points: this.perMinute, duration: 60 }) : null;
  }

  /** Counts one request of the key; throws RateLimited once the key is over its limit. */
  async admit(keyId: string): Promise<void> {
    try {
      await this.limiter?.consume(keyId);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      throw new RateLimited(seconds, `API key ${keyId} made more than ${this.perMinute} requests this minute on this instance; retry in ${seconds} s`);
    }
  }
}
