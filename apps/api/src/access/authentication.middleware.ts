import type { NextFunction, Request, Response } from 'express';
import { Logger } from '@nestjs/common';
import { isStorageUnavailable } from '../health/storage-unavailable';
import { type Authenticator, Unauthenticated } from './authenticator';
import { type KeyRateLimiter, RateLimited } from './key-rate-limiter';
import type { AuthenticatedRequest } from './principal';

/**
 * The routes that serve the ledger's data. Probes, metrics, /admin/backup (its own token) and
 * GraphiQL's page need no key; any other route without an @Open mark is refused by AccessGuard.
 */
function needsKey(request: Request): boolean {
  if (request.path === '/graphql') return request.method !== 'GET' || request.query.query !== undefined;
  return request.path.startsWith('/exports/') || request.path.startsWith('/proofs/');
}

const logger = new Logger('Access');

interface Refusal {
  status: number;
  headers?: Record<string, string>;
  body: { message: string; code: string; retryable?: boolean };
}

/** Why a request was turned away before any route, coded as the rest of the API codes its errors. */
function refusalOf(error: unknown): Refusal {
  if (error instanceof Unauthenticated) return { status: 401, headers: { 'www-authenticate': 'Bearer' }, body: { message: error.message, code: 'UNAUTHENTICATED' } };
  if (error instanceof RateLimited)
    return { status: 429, headers: { 'retry-after': String(error.retryAfterSeconds) }, body: { message: error.message, code: 'RATE_LIMITED', retryable: true } };
  if (isStorageUnavailable(error))
    return { status: 503, body: { message: 'the store is unavailable; retry later with the same commandId', code: 'UNAVAILABLE', retryable: true } };
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return { status: 500, body: { message: 'internal error', code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * Authenticates every request for the ledger's data before any route runs: a missing, unknown,
 * expired or revoked key gets 401 UNAUTHENTICATED, a key over its rate limit 429 RATE_LIMITED,
 * and nothing is executed.
 */
export function authenticationMiddleware(authenticator: Authenticator, limiter: KeyRateLimiter) {
  return async (request: Request & AuthenticatedRequest, response: Response, next: NextFunction) => {
    if (!needsKey(request)) return next();
    try {
      const principal = await authenticator.authenticate(request.headers);
      await limiter.admit(principal.keyId);
      request.principal = principal;
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal.headers) response.set(refusal.headers);
      const { message, ...extensions } = refusal.body;
      response.status(refusal.status).json(request.path === '/graphql' ? { errors: [{ message, extensions }] } : refusal.body);
      return;
    }
    next();
  };
}
