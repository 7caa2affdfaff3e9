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

/** The tenant the command-line tools write to unless told otherwise, and the test harness's. */
export const DEFAULT_TENANT = 'default';
export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'processor', keyId: null };

export const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's correlation id when it is well-formed, else a fresh one. */
export function correlationIdFrom(headers: Record<string, string | string[] | undefined>): string {
  const header = headers['x-correlation-id'];
  const given = Array.isArray(header) ? header[0] : header;
  return given && CORRELATION_ID.test(given) ? given : uuidv7();
}

export const Ledger = createParamDecorator(
  (_: unknown, context: ExecutionContext): RequestContext => GqlExecutionContext.create(context).getContext().ledger,
);
