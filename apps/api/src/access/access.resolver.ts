import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { ApiKey } from '@ledger/domain';
import { v7 as uuidv7 } from 'uuid';
import { ledgerWriteOf } from '../ledger/ledger.types';
import { Ledger, type RequestContext } from '../ledger/request-context';
import { CreateApiKeyInput, RevokeApiKeyInput } from './access.inputs';
import { AccessService } from './access.service';
import { ApiKeyType, AuditorReadType, CreatedApiKeyPayload, RevokedApiKeyPayload } from './access.types';
import { Allow } from './policy';

const toType = (key: ApiKey): ApiKeyType => ({ ...key, expiresAt: key.expiresAt ? new Date(key.expiresAt) : null });

/** Tenants and keys: the admin's whole business. */
@Resolver(() => ApiKeyType)
export class AccessResolver {
  constructor(private readonly access: AccessService) {}

  @Allow('admin')
  @Mutation(() => CreatedApiKeyPayload, { description: 'Issue an API key; its token is in the answer and nowhere else.' })
  async createApiKey(@Args('input') input: CreateApiKeyInput, @Ledger() ctx: RequestContext): Promise<CreatedApiKeyPayload> {
    const { key, token, write } = await this.access.issue(
      { ...ctx, commandId: input.commandId ?? uuidv7() },
      { name: input.name, role: input.role, tenantId: input.tenantId, controllerId: input.controllerId ?? null, expiresAt: input.expiresAt?.toISOString() ?? null },
    );
    return { key: toType(key), token, ledger: ledgerWriteOf(write) };
  }

  @Allow('admin')
  @Mutation(() => RevokedApiKeyPayload, { description: 'Revoke a key: it is refused from the next request on.' })
  async revokeApiKey(@Args('input') input: RevokeApiKeyInput, @Ledger() ctx: RequestContext): Promise<RevokedApiKeyPayload> {
    const { key, write } = await this.access.revoke({ ...ctx, commandId: input.commandId ?? uuidv7() }, input.keyId, input.reason ?? null);
    return { key: toType(key), ledger: ledgerWriteOf(write) };
  }

  @Allow('admin')
  @Query(() => [ApiKeyType], { description: 'Every key, or one tenant\'s, oldest first.' })
  async apiKeys(@Args('tenantId', { type: () => String, nullable: true }) tenantId: string | null): Promise<ApiKeyType[]> {
    return (await this.access.list(tenantId ?? undefined)).map(toType);
  }

  @Allow('processor')
  @Query(() => [AuditorReadType], { description: 'The reads made with auditor keys in this tenant, newest first (at most 500).' })
  auditorReads(@Args('last', { type: () => Int, defaultValue: 100 }) last: number, @Ledger() ctx: RequestContext): Promise<AuditorReadType[]> {
    return this.access.auditorReads(ctx.tenantId, Math.min(Math.max(last, 1), 500));
  }

  @Allow('admin')
  @Query(() => [String], { description: 'The tenants: every tenant id a key was issued for.' })
  tenants(): Promise<string[]> {
    return this.access.tenants();
  }
}
