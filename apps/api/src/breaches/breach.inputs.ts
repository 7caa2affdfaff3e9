import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { BREACH_RISK_LEVELS, BREACH_STATUSES, type BreachRiskLevel, type BreachStatus } from '@ledger/domain';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { asEnum } from '../graphql/as-enum';
import { CommandInput } from '../ledger/command.input';
import { PageArgs } from '../ledger/page.args';
import { PointInTimePageArgs } from '../point-in-time/point-in-time.args';

export const BreachRiskLevelEnum = asEnum(BREACH_RISK_LEVELS);
registerEnumType(BreachRiskLevelEnum, {
  name: 'BreachRiskLevel',
  description: 'Risk to the data subjects: UNLIKELY needs no authority notification (Art. 33(1)); HIGH_RISK requires telling the subjects (Art. 34(1)).',
});

export const BreachStatusEnum = asEnum(BREACH_STATUSES);
registerEnumType(BreachStatusEnum, { name: 'BreachStatus' });

/** At most this many approximate subjects or records: what a GraphQL Int holds. */
const MAX_COUNT = 2_147_483_647;

/** A non-empty list of short names (categories, controller ids). */
function NameList(description: string, maxItems: number) {
  return applyDecorators(
    Field(() => [String], { description }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(maxItems),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(200, { each: true }),
  );
}

@InputType({ description: 'A personal-data breach the processor became aware of at occurredAt (Art. 33(2), (3) and (5)).' })
export class RecordBreachInput extends CommandInput {
  @Field({ description: 'What happened (Art. 33(3)(a)).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  nature!: string;

  @NameList('Categories of data subjects concerned, e.g. "employees".', 50)
  dataSubjectCategories!: string[];

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  approximateDataSubjectCount!: number;

  @NameList('Categories of personal-data records concerned, e.g. "badge logs".', 50)
  recordCategories!: string[];

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  approximateRecordCount!: number;

  @Field({ description: 'Likely consequences of the breach (Art. 33(3)(c)).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  likelyConsequences!: string;

  @Field({ description: 'Measures taken or proposed to address it and mitigate its effects (Art. 33(3)(d)).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  measures!: string;

  @NameList('Every controller whose data the breach touches.', 500)
  controllerIds!: string[];

  @Field(() => BreachRiskLevelEnum)
  @IsIn(BREACH_RISK_LEVELS)
  riskLevel!: BreachRiskLevel;
}

@InputType({ isAbstract: true })
abstract class BreachTargetInput extends CommandInput {
  @Field(() => ID)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  breachId!: string;
}

@InputType({ isAbstract: true })
abstract class BreachControllerInput extends BreachTargetInput {
  @Field({ description: 'One of the breach’s affected controllers.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  controllerId!: string;
}

@InputType({ description: 'The processor told an affected controller (Art. 33(2), without undue delay).' })
export class NotifyControllerOfBreachInput extends BreachControllerInput {}

@InputType({ description: 'The supervisory authority was notified by or for a controller (Art. 33(1)).' })
export class NotifyAuthorityOfBreachInput extends BreachControllerInput {
  @Field({ description: 'The supervisory authority, e.g. "CNIL".' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  authority!: string;

  @Field({ nullable: true, description: 'Required when notified more than 72 hours after detection (Art. 33(1)).' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  delayReasons?: string;
}

@InputType({ description: 'The data subjects were told of the breach for a controller (Art. 34).' })
export class NotifySubjectsOfBreachInput extends BreachControllerInput {
  @Field({ description: 'How, e.g. "e-mail to each person" or "public communication" (Art. 34(3)(c)).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  means!: string;
}

@InputType({ description: 'Ends the breach record, once every affected controller has been notified.' })
export class CloseBreachInput extends BreachTargetInput {
  @Field({ nullable: true, description: 'Effects and remedial action, for the record (Art. 33(5)).' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  summary?: string;
}

@ArgsType()
export class BreachesArgs extends PointInTimePageArgs {
  @Field(() => BreachStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(BREACH_STATUSES)
  status?: BreachStatus;

  @Field({ nullable: true, description: 'Only breaches affecting this controller.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  controllerId?: string;
}
