import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import {
  LEGAL_BASES,
  PROCESSING_ROLES,
  TRANSFER_MECHANISMS,
  type LegalBasis,
  type ProcessingRole,
  type TransferMechanism,
} from '@ledger/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { asEnum } from '../graphql/as-enum';
import { CommandInput } from '../ledger/command.input';
import { PageArgs } from '../ledger/page.args';
import { PointInTimePageArgs } from '../point-in-time/point-in-time.args';

export const ProcessingRoleEnum = asEnum(PROCESSING_ROLES);
registerEnumType(ProcessingRoleEnum, {
  name: 'ProcessingRole',
  description: "PROCESSOR: the Art. 30(2) record kept for a client controller. CONTROLLER: the Art. 30(1) record of the tenant's own processing.",
});
export const LegalBasisEnum = asEnum(LEGAL_BASES);
registerEnumType(LegalBasisEnum, { name: 'LegalBasis', description: 'The lawful bases of Art. 6(1)(a) to (f).' });
export const TransferMechanismEnum = asEnum(TRANSFER_MECHANISMS);
registerEnumType(TransferMechanismEnum, { name: 'TransferMechanism', description: 'The Chapter V ground of a transfer to a third country.' });

/** An optional list of short texts: one register column. */
function TextList(description: string) {
  return applyDecorators(
    Field(() => [String], { nullable: true, description }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(50),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(500, { each: true }),
  );
}

function OptionalText(description: string) {
  return applyDecorators(Field({ nullable: true, description }), IsOptional(), IsString(), MaxLength(5_000));
}

@InputType({ description: 'A transfer to a third country and the safeguard it relies on.' })
export class TransferInput {
  @Field({ description: 'ISO 3166-1 alpha-2 code of a country outside the EEA.' })
  @Matches(/^[A-Za-z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code' })
  country!: string;

  @Field(() => TransferMechanismEnum)
  @IsIn(TRANSFER_MECHANISMS)
  mechanism!: TransferMechanism;
}

/** The register columns; each record fills those of its own paragraph of Art. 30. */
@InputType({ isAbstract: true })
abstract class ProcessingActivityColumnsInput extends CommandInput {
  @Field({ description: 'A short name for the activity.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  @TextList("Art. 30(2)(b), processor's record: the categories of processing carried out for the controller.")
  categoriesOfProcessing?: string[];

  @TextList("Art. 30(1)(b), controller's record: the purposes.")
  purposes?: string[];

  @TextList("Art. 30(1)(c), controller's record: the categories of data subjects.")
  dataSubjectCategories?: string[];

  @TextList("Art. 30(1)(c), controller's record: the categories of personal data.")
  personalDataCategories?: string[];

  @TextList("Art. 30(1)(d), controller's record: the categories of recipients, third-country ones included.")
  recipientCategories?: string[];

  @Field(() => [LegalBasisEnum], { nullable: true, description: "Art. 6(1), controller's record: the lawful bases." })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LEGAL_BASES.length)
  @IsIn(LEGAL_BASES, { each: true })
  legalBases?: LegalBasis[];

  @Field(() => [TransferInput], { nullable: true, description: 'Art. 30(1)(e) and 30(2)(c): transfers to third countries and their safeguards.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TransferInput)
  transfers?: TransferInput[];

  @OptionalText("Art. 30(1)(f), controller's record, where possible: the time limits for erasure.")
  erasureTimeLimits?: string;

  @OptionalText('Art. 30(1)(g) and 30(2)(d), where possible: a general description of the Art. 32 security measures.')
  securityMeasures?: string;
}

@InputType({ description: 'An entry of the register of processing activities (Art. 30).' })
export class RecordProcessingActivityInput extends ProcessingActivityColumnsInput {
  @Field(() => ProcessingRoleEnum)
  @IsIn(PROCESSING_ROLES)
  role!: ProcessingRole;

  @Field({ nullable: true, description: "Processor's record only: the controller on whose behalf the tenant acts (Art. 30(2)(a))." })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  controllerId?: string;
}

@InputType({ description: 'Replaces every column of an activity in force; its role and controller stay.' })
export class AmendProcessingActivityInput extends ProcessingActivityColumnsInput {
  @Field(() => ID)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  processingActivityId!: string;
}

@InputType({ description: 'Takes an activity out of the register in force; its history stays.' })
export class RetireProcessingActivityInput extends CommandInput {
  @Field(() => ID)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  processingActivityId!: string;

  @OptionalText('Why the processing stopped.')
  reason?: string;
}

@ArgsType()
export class RegisterArgs extends PointInTimePageArgs {
  @Field({ nullable: true, description: 'Only the records kept for this controller.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  controllerId?: string;

  @Field(() => ProcessingRoleEnum, { nullable: true })
  @IsOptional()
  @IsIn(PROCESSING_ROLES)
  role?: ProcessingRole;
}
