import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { ApiKeyRole } from '@ledger/domain';
import type { SqlClient } from '@ledger/event-store';
import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import { type Clock, CLOCK, SQL_CLIENT } from '../ledger/ledger.tokens';
import { TenantReads } from '../ledger/tenant-reads';
import { recordAuditorRead } from './api-key.table';
import { ANY_RELATIONSHIP, OPEN, POLICY, RECORD_OF, type RecordArgument } from './policy';
import { controllersOf } from './record-controllers';
import type { AuthenticatedRequest, Principal } from './principal';

interface Call {
  operation: string;
  principal?: Principal;
  args: Record<string, unknown>;
  graphql: boolean;
}

/** An argument of the call, at the top level or in `input`. */
function argumentOf(args: Record<string, unknown>, name: string): unknown {
  const input = args.input as Record<string, unknown> | undefined;
  return args[name] ?? input?.[name];
}

/**
 * Fail closed: every GraphQL root field and HTTP route needs an explicit policy (@Allow) or to be
 * declared @Open; anything else is refused, so an operation added without a policy is unusable
 * (and the generated authorisation test names it).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly reads: TenantReads,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(OPEN, [context.getHandler(), context.getClass()])) return true;
    const call = this.callOf(context);
    if (!call) return true;
    const deny = (message: string, code = 'FORBIDDEN'): never => {
      if (call.graphql) throw new GraphQLError(message, { extensions: { code } });
      throw code === 'FORBIDDEN' ? new ForbiddenException({ message, code }) : new UnauthorizedException({ message, code });
    };
    const { principal } = call;
    if (!principal) return deny('send an API key: Authorization: Bearer ledger_<keyId>_<secret>', 'UNAUTHENTICATED');
    const roles = this.reflector.get<ApiKeyRole[] | undefined>(POLICY, context.getHandler());
    if (!roles) return deny(`${call.operation} has no access policy`);
    if (!roles.includes(principal.role)) return deny(`a ${principal.role} key may not call ${call.operation}`);
    const confined = principal.controllerId && !this.reflector.get<boolean>(ANY_RELATIONSHIP, context.getHandler());
    if (confined && !(await this.concernsOwnRelationship(call, principal, this.reflector.get<RecordArgument>(RECORD_OF, context.getHandler()))))
      return deny(
        `this key acts only on controller ${principal.controllerId}'s relationship: ${call.operation} must name controllerId "${principal.controllerId}" or one of its records`,
      );
    // Auditors only read (their policy says so): each read is kept, before it is answered, for the processor to see.
    if (principal.role === 'auditor')
      await recordAuditorRead(this.sql, principal.context.tenantId, { keyId: principal.keyId, actor: principal.context.actor.id, operation: call.operation, readAt: this.clock() });
    return true;
  }

  /**
   * A confined key's call names its controller, or records of it. Records are read as the key's
   * tenant: one that does not exist, or is another controller's, is refused alike.
   */
  private async concernsOwnRelationship(call: Call, principal: Principal, named?: RecordArgument): Promise<boolean> {
    const controllerId = argumentOf(call.args, 'controllerId');
    if (controllerId !== undefined && controllerId !== principal.controllerId) return false;
    if (!named) return controllerId !== undefined;
    const ids = named.idArgs.map((name) => argumentOf(call.args, name));
    if (!ids.every((id): id is string => typeof id === 'string')) return false;
    const { tenantId } = principal.context;
    return this.reads.as(tenantId, async (tx) => {
      for (const id of ids) if (!(await controllersOf(tx, tenantId, named.record, id)).includes(principal.controllerId!)) return false;
      return true;
    });
  }

  /** The root operation being called, or null for a nested field (its root field was checked). */
  private callOf(context: ExecutionContext): Call | null {
    if (context.getType<string>() === 'graphql') {
      const gql = GqlExecutionContext.create(context);
      const info = gql.getInfo();
      if (info.parentType.name !== 'Query' && info.parentType.name !== 'Mutation') return null;
      return { operation: info.fieldName, principal: gql.getContext().principal, args: gql.getArgs(), graphql: true };
    }
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    return {
      operation: `${request.method} ${request.path}`,
      principal: request.principal,
      args: { ...(request.query as Record<string, unknown>), ...request.params },
      graphql: false,
    };
  }
}
