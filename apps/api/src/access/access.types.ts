import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import type { ApiKeyRole } from '@ledger/domain';
import { LedgerWrite } from '../ledger/ledger.types';
import { ApiKeyRoleEnum } from './access.inputs';

@ObjectType({ description: 'An API key as the ledger keeps it: never its secret.' })
export class ApiKeyType {
  @Field() keyId!: string;
  @Field() name!: string;
  @Field(() => ApiKeyRoleEnum) role!: ApiKeyRole;
  @Field() tenantId!: string;
  @Field(() => String, { nullable: true }) controllerId!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) expiresAt!: Date | null;
  @Field(() => GraphQLISODateTime) issuedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType()
export class CreatedApiKeyPayload {
  @Field(() => ApiKeyType) key!: ApiKeyType;
  @Field({ description: 'The key to send as "Authorization: Bearer <token>". Shown this once: the ledger keeps only a hash of its secret.' })
  token!: string;
  @Field(() => LedgerWrite) ledger!: LedgerWrite;
}

@ObjectType()
export class RevokedApiKeyPayload {
  @Field(() => ApiKeyType) key!: ApiKeyType;
  @Field(() => LedgerWrite) ledger!: LedgerWrite;
}

@ObjectType({ description: 'One read made with an auditor key: who, which operation, when.' })
export class AuditorReadType {
  @Field() keyId!: string;
  @Field({ description: 'The auditor key\'s name.' }) actor!: string;
  @Field({ description: 'The query (or GET route) called.' }) operation!: string;
  @Field(() => GraphQLISODateTime) readAt!: Date;
}
