import { Inject, Injectable } from '@nestjs/common';
import { type Clock, CLOCK } from '../ledger/ledger.tokens';
import { correlationIdFrom } from '../ledger/request-context';
import { ApiKeyCache } from './api-key.cache';
import { parseApiKeyToken, secretMatches } from './api-key-token';
import type { Principal } from './principal';

/** Why a request was not authenticated; the message says what to fix, never which part of a key matched. */
export class Unauthenticated extends Error {}

const BEARER = /^Bearer\s+(\S+)$/i;

@Injectable()
export class Authenticator {
  constructor(
    private readonly keys: ApiKeyCache,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async authenticate(headers: Record<string, string | string[] | undefined>): Promise<Principal> {
    const authorization = headers.authorization;
    if (typeof authorization !== 'string' || !authorization) throw new Unauthenticated('send an API key: Authorization: Bearer ledger_<keyId>_<secret>');
    const token = parseApiKeyToken(BEARER.exec(authorization)?.[1] ?? '');
    if (!token) throw new Unauthenticated('the Authorization header is not "Bearer ledger_<keyId>_<secret>"');
    const key = await this.keys.find(token.keyId);
    // Unknown key and wrong secret get the same answer: a caller learns nothing about which key ids exist.
    if (!key || !secretMatches(token.secret, key.secretSha256)) throw new Unauthenticated('unknown API key');
    if (key.revokedAt) throw new Unauthenticated(`API key ${key.keyId} was revoked`);
    if (key.expiresAt && new Date(key.expiresAt).getTime() <= this.clock().getTime()) throw new Unauthenticated(`API key ${key.keyId} expired at ${key.expiresAt}`);
    return {
      context: {
        tenantId: key.tenantId,
        actor: { id: key.name, role: key.role, keyId: key.keyId },
        correlationId: correlationIdFrom(headers),
      },
      role: key.role,
      keyId: key.keyId,
      controllerId: key.controllerId,
    };
  }
}
