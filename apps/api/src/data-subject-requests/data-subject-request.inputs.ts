import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import {
  DATA_SUBJECT_REQUEST_MAX_EXTENSION_MONTHS,
  DATA_SUBJECT_REQUEST_STATUSES,
  DATA_SUBJECT_RIGHTS,
  type DataSubjectRequestStatus,
  type DataSubjectRight,
} from '@ledger/domain';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { asEnum } from '../graphql/as-enum';
import { CommandInput } from '../ledger/command.input';
import { PageArgs } from '../ledger/page.args';
import { PointInTimePageArgs } from '../point-in-time/point-in-time.args';

export const DataSubjectRightEnum = asEnum(DATA_SUBJECT_RIGHTS);
registerEnumType(DataSubjectRightEnum, {
  name: 'DataSubjectRight',
  description: 'The right exercised: access (Art. 15), rectification (16), erasure (17), restriction (18), portability (20), objection (21).',
});

export const DataSubjectRequestStatusEnum = asEnum(DATA_SUBJECT_REQUEST_STATUSES);
registerEnumType(DataSubjectRequestStatusEnum, { name: 'DataSubjectRequestStatus' });

@InputType({ description: 'Who made the request: personal data, kept apart so that it can be encrypted and erased. At least one field.' })
export class RequesterInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string;

  @Field({ nullable: true, description: 'Digits, spaces and + ( ) . - only.' })
  @IsOptional()
  @Matches(/^\+?[0-9 ().-]{4,30}$/, { message: 'phone must hold 4 to 30 digits, spaces or + ( ) . -' })
  phone?: string;
}

@InputType({ description: 'A request from a data subject, received at occurredAt (Art. 12(3) counts the month from it).' })
export class ReceiveDataSubjectRequestInput extends CommandInput {
  @Field({ description: 'The controller the request concerns (Art. 28(3)(e)).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  controllerId!: string;

  @Field(() => DataSubjectRightEnum)
  @IsIn(DATA_SUBJECT_RIGHTS)
  type!: DataSubjectRight;

  @Field(() => RequesterInput)
  @ValidateNested()
  @Type(() => RequesterInput)
  requester!: RequesterInput;
}

@InputType({ isAbstract: true })
abstract class DataSubjectRequestTargetInput extends CommandInput {
  @Field(() => ID)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  requestId!: string;
}

@InputType({ description: 'The processor passed the request on to its controller (Art. 28(3)(e)).' })
export class ForwardDataSubjectRequestInput extends DataSubjectRequestTargetInput {}

@InputType({ description: 'The answer period is extended, and the requester told why, within the first month (Art. 12(3)).' })
export class ExtendDataSubjectRequestInput extends DataSubjectRequestTargetInput {
  @Field(() => Int, { description: `Months added, ${DATA_SUBJECT_REQUEST_MAX_EXTENSION_MONTHS} in total at most.` })
  @IsInt()
  @Min(1)
  @Max(DATA_SUBJECT_REQUEST_MAX_EXTENSION_MONTHS)
  months!: number;

  @Field({ description: 'Why: the complexity or number of requests.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5_000)
  reason!: string;
}

@InputType({ description: 'The request was answered.' })
export class CompleteDataSubjectRequestInput extends DataSubjectRequestTargetInput {}

@InputType({ description: 'No action is taken on the request; the requester is told why (Art. 12(4)).' })
export class RefuseDataSubjectRequestInput extends DataSubjectRequestTargetInput {
  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5_000)
  reason!: string;
}

@ArgsType()
export class DataSubjectRequestsArgs extends PointInTimePageArgs {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  controllerId?: string;

  @Field(() => DataSubjectRequestStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(DATA_SUBJECT_REQUEST_STATUSES)
  status?: DataSubjectRequestStatus;

  @Field({ nullable: true, description: 'true: unanswered past the due date now; false: all others.' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
}
