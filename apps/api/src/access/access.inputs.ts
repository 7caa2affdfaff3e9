import { Field, GraphQLISODateTime, InputType, registerEnumType } from '@nestjs/graphql';
import { API_KEY_ROLES, type ApiKeyRole } from '@ledger/domain';
import { IsDate, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { asEnum } from '../graphql/as-enum';
import { CommandInput } from '../ledger/command.input';

export const ApiKeyRoleEnum = asEnum(API_KEY_ROLES);
registerEnumType(ApiKeyRoleEnum, {
  name: 'ApiKeyRole',
  description: 'admin: tenants and keys; processor: its tenant; controller: its own relationship; auditor: reads only, within its scope.',
});

@InputType()
export class CreateApiKeyInput extends CommandInput {
  @Field({ description: 'Who holds the key, e.g. "acme-dpo": recorded as the actor of everything done with it.' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @Field(() => ApiKeyRoleEnum)
  @IsIn(API_KEY_ROLES)
  role!: ApiKeyRole;

  @Field({ description: 'The tenant (processor organisation) the key opens; a new id creates the tenant.' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'tenantId must be lower-case letters, digits and -, at most 63' })
  tenantId!: string;

  @Field(() => String, { nullable: true, description: 'Confines a controller (required) or auditor key to one relationship.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  controllerId?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'The key is refused from then on.' })
  @IsOptional()
  @IsDate()
  expiresAt?: Date | null;
}

@InputType()
export class RevokeApiKeyInput extends CommandInput {
  @Field()
  @IsString()
  @Length(1, 64)
  keyId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string | null;
}
