import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Actor } from '@ledger/event-store';
import { v7 as uuidv7 } from 'uuid';

/** Who is asking, for which tenant: set from the request, never from a client-supplied field. */
export interface RequestContext {
  tenantId: string;
  actor: Actor;
  correlationId: string;
}

/** Until API keys exist (issue "Access control") every request acts for one tenant as the system. */
export const DEFAULT_TENANT = 'default';
export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'processor', keyId: null };

export const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestContextFrom(headers: Record<string, string | string[] | undefined>): RequestContext {
  const header = headers['x-correlation-id'];
  const given = Array.isArray(header) ? header[0] : header;
  return {
    tenantId: DEFAULT_TENANT,
    actor: SYSTEM_ACTOR,
    correlationId: given && CORRELATION_ID.test(given) ? given : uuidv7(),
  };
}

export const Ledger = createParamDecorator(
  (_: unknown, context: ExecutionContext): RequestContext => GqlExecutionContext.create(context).getContext().ledger,
);
