import { ArgsType, Field, GraphQLISODateTime, registerEnumType } from '@nestjs/graphql';
import { DEADLINE_KINDS, type DeadlineKind } from '@ledger/domain';
import { IsBoolean, IsDate, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageArgs } from '../ledger/page.args';
import { PointInTimePageArgs } from '../point-in-time/point-in-time.args';

export const DeadlineKindEnum = Object.fromEntries(DEADLINE_KINDS.map((k) => [k, k])) as Record<string, DeadlineKind>;
registerEnumType(DeadlineKindEnum, {
  name: 'DeadlineKind',
  description:
    'BREACH_CONTROLLER_NOTIFICATION (Art. 33(2), hours set by the agreement), BREACH_AUTHORITY_NOTIFICATION (Art. 33(1), 72 h), ' +
    'DATA_SUBJECT_REQUEST_RESPONSE (Art. 12(3), one month plus extensions), SUBPROCESSOR_OBJECTION_WINDOW (Art. 28(2)), ' +
    'AUDIT_DUE (Art. 28(3)(h)), END_OF_CONTRACT_DATA (Art. 28(3)(g), 30 days after the termination takes effect).',
});

@ArgsType()
export class DeadlinesArgs extends PointInTimePageArgs {
  @Field({ defaultValue: false, description: 'Only the unmet obligations past their due date, by the service clock.' })
  @IsBoolean()
  overdueOnly!: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Only those due before this moment.' })
  @IsOptional()
  @IsDate()
  dueBefore?: Date;

  @Field({ defaultValue: false, description: 'Also list the obligations already met.' })
  @IsBoolean()
  includeMet!: boolean;

  @Field(() => DeadlineKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(DEADLINE_KINDS)
  kind?: DeadlineKind;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  controllerId?: string;
}
