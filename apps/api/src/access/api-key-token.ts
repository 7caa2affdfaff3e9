import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/**
 * A key as its holder sends it: `ledger_<keyId>_<secret>`, the secret 32 random bytes in
 * base64url. Only the SHA-256 of the secret is stored: the secret is high-entropy, so a slow
 * password hash would add nothing but latency.
 */
export const API_KEY_FORMAT = /^ledger_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export interface ApiKeyToken {
  keyId: string;
  secret: string;
}

export function mintApiKeyToken(): ApiKeyToken & { token: string } {
  const keyId = uuidv7();
  const secret = randomBytes(32).toString('base64url');
  return { keyId, secret, token: `ledger_${keyId}_${secret}` };
}

export function parseApiKeyToken(token: string): ApiKeyToken | null {
  const match = API_KEY_FORMAT.exec(token);
  return match ? { keyId: match[1], secret: match[2] } : null;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
