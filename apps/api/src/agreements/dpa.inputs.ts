import { ArgsType, Field, GraphQLISODateTime, InputType, Int, IntersectionType, PartialType, registerEnumType } from '@nestjs/graphql';
import {
  ART28_CLAUSES,
  type Art28Clause,
  DEFAULT_BREACH_NOTIFICATION_HOURS,
  DEFAULT_OBJECTION_WINDOW_DAYS,
  DPA_STATUSES,
  type DpaStatus,
  SUBPROCESSOR_AUTHORISATIONS,
  type SubprocessorAuthorisation,
} from '@ledger/domain';
import { ArrayMaxSize, ArrayUnique, IsArray, IsDate, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { asEnum } from '../graphql/as-enum';
import { CommandInput } from '../ledger/command.input';
import { PageArgs } from '../ledger/page.args';
import { PointInTimePageArgs } from '../point-in-time/point-in-time.args';

export const Art28ClauseEnum = asEnum(ART28_CLAUSES);
registerEnumType(Art28ClauseEnum, { name: 'Art28Clause', description: 'A clause of Art. 28(3), points (a) to (h).' });
export const SubprocessorAuthorisationEnum = asEnum(SUBPROCESSOR_AUTHORISATIONS);
registerEnumType(SubprocessorAuthorisationEnum, {
  name: 'SubprocessorAuthorisation',
  description: 'Art. 28(2): SPECIFIC (each sub-processor approved) or GENERAL (informed, with a right to object).',
});
export const DpaStatusEnum = asEnum(DPA_STATUSES);
registerEnumType(DpaStatusEnum, { name: 'DataProcessingAgreementStatus' });

/** Controller ids name streams (`dpa-<controllerId>`), so they keep to a safe alphabet. */
@InputType({ isAbstract: true })
export class AgreementTargetInput extends CommandInput {
  @Field({ description: 'The controller (client) of the relationship.' })
  @IsString()
  @Length(1, 200)
  @Matches(/^[A-Za-z0-9._:-]+$/, { message: 'controllerId may hold letters, digits and . _ : - only' })
  controllerId!: string;
}

@InputType({ isAbstract: true })
class DpaTermsInput {
  @Field()
  @IsString()
  @Length(1, 300)
  controllerName!: string;

  @Field(() => [Art28ClauseEnum], { description: 'The Art. 28(3) clauses the contract contains.' })
  @IsArray()
  @ArrayMaxSize(ART28_CLAUSES.length)
  @ArrayUnique()
  @IsIn(ART28_CLAUSES, { each: true })
  clauses!: Art28Clause[];

  @Field(() => SubprocessorAuthorisationEnum)
  @IsIn(SUBPROCESSOR_AUTHORISATIONS)
  subprocessorAuthorisation!: SubprocessorAuthorisation;

  @Field(() => Int, { defaultValue: DEFAULT_OBJECTION_WINDOW_DAYS, description: 'Under a general authorisation: days to object to a new sub-processor.' })
  @IsInt()
  @Min(1)
  @Max(365)
  objectionWindowDays!: number;

  @Field(() => Int, { defaultValue: DEFAULT_BREACH_NOTIFICATION_HOURS, description: 'Hours within which the processor tells the controller of a breach (Art. 33(2)).' })
  @IsInt()
  @Min(1)
  @Max(720)
  breachNotificationHours!: number;
}

@InputType({ description: 'A data-processing agreement (Art. 28(3)) signed with a controller.' })
export class SignDataProcessingAgreementInput extends IntersectionType(AgreementTargetInput, DpaTermsInput) {
  @Field(() => GraphQLISODateTime, { description: 'When the agreement takes effect.' })
  @IsDate()
  effectiveDate!: Date;
}

@InputType({ description: 'The terms that change; the others stay as they are.' })
export class AmendDataProcessingAgreementInput extends IntersectionType(
  AgreementTargetInput,
  PartialType(DpaTermsInput, { omitDefaultValues: true }),
) {}

@InputType()
export class TerminateDataProcessingAgreementInput extends AgreementTargetInput {
  @Field(() => GraphQLISODateTime, { description: 'When the termination takes effect.' })
  @IsDate()
  effectiveDate!: Date;
}

@InputType({ description: 'At the end of the service the data went back to the controller (Art. 28(3)(g)).' })
export class RecordControllerDataReturnedInput extends AgreementTargetInput {}

@InputType({ description: 'At the end of the service the data (or the copies left after returning it) was deleted (Art. 28(3)(g)).' })
export class RecordControllerDataDeletedInput extends AgreementTargetInput {}

@ArgsType()
export class DataProcessingAgreementsArgs extends PointInTimePageArgs {
  @Field(() => DpaStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(DPA_STATUSES)
  status?: DpaStatus;
}
