import type { NextFunction, Request, Response } from 'express';
import { Logger } from '@nestjs/common';
import { isStorageUnavailable } from '../health/storage-unavailable';
import { type Authenticator, Unauthenticated } from './authenticator';
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

/** Why a key could not be checked, coded as the rest of the API codes its errors. */
function refusalOf(error: unknown): { status: number; body: { message: string; code: string; retryable?: boolean } } {
  if (error instanceof Unauthenticated) return { status: 401, body: { message: error.message, code: 'UNAUTHENTICATED' } };
  if (isStorageUnavailable(error))
    return { status: 503, body: { message: 'the store is unavailable; retry later with the same commandId', code: 'UNAVAILABLE', retryable: true } };
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return { status: 500, body: { message: 'internal error', code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * Authenticates every request for the ledger's data before any route runs: a missing, unknown,
 * expired or revoked key gets 401 UNAUTHENTICATED and nothing is executed.
 */
export function authenticationMiddleware(authenticator: Authenticator) {
  return async (request: Request & AuthenticatedRequest, response: Response, next: NextFunction) => {
    if (!needsKey(request)) return next();
    try {
      request.principal = await authenticator.authenticate(request.headers);
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal.status === 401) response.set('www-authenticate', 'Bearer');
      const { message, ...extensions } = refusal.body;
      response.status(refusal.status).json(request.path === '/graphql' ? { errors: [{ message, extensions }] } : refusal.body);
      return;
    }
    next();
  };
}
