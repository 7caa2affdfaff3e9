import { ArgsType, Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import {
  SUBPROCESSOR_AUTHORISATION_STATES,
  SUBPROCESSOR_STATUSES,
  SUBPROCESSOR_TRANSFER_MECHANISMS,
  type SubprocessorTransferMechanism,
} from '@ledger/domain';
import { IsIn, IsNotEmpty, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { asEnum } from '../graphql/as-enum';
import { CommandInput } from '../ledger/command.input';
import { AgreementTargetInput } from '../agreements/dpa.inputs';
import { PageArgs } from '../ledger/page.args';
import { PointInTimePageArgs } from '../point-in-time/point-in-time.args';

export const SubprocessorTransferMechanismEnum = asEnum(SUBPROCESSOR_TRANSFER_MECHANISMS);
registerEnumType(SubprocessorTransferMechanismEnum, {
  name: 'SubprocessorTransferMechanism',
  description: 'NONE_EEA inside the EEA; otherwise the Chapter V safeguard of the transfer.',
});
export const SubprocessorStatusEnum = asEnum(SUBPROCESSOR_STATUSES);
registerEnumType(SubprocessorStatusEnum, { name: 'SubprocessorStatus' });
export const SubprocessorAuthorisationStateEnum = asEnum(SUBPROCESSOR_AUTHORISATION_STATES);
registerEnumType(SubprocessorAuthorisationStateEnum, {
  name: 'SubprocessorAuthorisationState',
  description: 'Where a sub-processor stands for one controller (Art. 28(2)), as of now.',
});

@InputType({ description: 'An intended new sub-processor: opens an objection window for every controller under a general authorisation.' })
export class ProposeSubprocessorInput extends CommandInput {
  @Field()
  @IsString()
  @Length(1, 300)
  name!: string;

  @Field({ description: 'What it does for the processor (hosting, e-mail delivery, ...).' })
  @IsString()
  @Length(1, 500)
  service!: string;

  @Field({ description: 'ISO 3166-1 alpha-2 code of the country where it processes the data.' })
  @Matches(/^[A-Za-z]{2}$/, { message: 'location must be an ISO 3166-1 alpha-2 country code' })
  location!: string;

  @Field(() => SubprocessorTransferMechanismEnum)
  @IsIn(SUBPROCESSOR_TRANSFER_MECHANISMS)
  transferMechanism!: SubprocessorTransferMechanism;
}

@InputType({ isAbstract: true })
class SubprocessorTargetInput extends CommandInput {
  @Field(() => ID)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  subprocessorId!: string;
}

/** A decision about one sub-processor for one controller relationship. */
@InputType({ isAbstract: true })
class ControllerDecisionInput extends AgreementTargetInput {
  @Field(() => ID)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  subprocessorId!: string;
}

@InputType({ description: 'The controller objects, within its window, under a general authorisation (Art. 28(2)).' })
export class ObjectToSubprocessorInput extends ControllerDecisionInput {
  @Field()
  @IsString()
  @Length(1, 5_000)
  reason!: string;
}

@InputType({ description: 'The controller gives its specific authorisation (Art. 28(2)).' })
export class ApproveSubprocessorInput extends ControllerDecisionInput {}

@InputType({ description: 'The processor engages the sub-processor for this controller (Art. 28(2) and 28(4)).' })
export class AddSubprocessorInput extends ControllerDecisionInput {}

@InputType()
export class RemoveSubprocessorInput extends SubprocessorTargetInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5_000)
  reason?: string;
}

@ArgsType()
export class SubprocessorsArgs extends PointInTimePageArgs {
  @Field({ description: 'The controller whose authorisation state each sub-processor is shown with.' })
  @IsString()
  @Length(1, 200)
  controllerId!: string;
}
