import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { RequestContext } from '../ledger/request-context';
import type { AuthenticatedRequest } from './principal';

/** On a plain HTTP route, the authenticated caller's context (the GraphQL side uses @Ledger()). */
export const Caller = createParamDecorator(
  (_: unknown, context: ExecutionContext): RequestContext | undefined => context.switchToHttp().getRequest<AuthenticatedRequest>().principal?.context,
);
