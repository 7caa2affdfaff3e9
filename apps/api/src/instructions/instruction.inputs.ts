import { ArgsType, Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { INSTRUCTION_CHANNELS, INSTRUCTION_STATUSES, type InstructionChannel, type InstructionStatus } from '@ledger/domain';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { asEnum } from '../graphql/as-enum';
import { CommandInput } from '../ledger/command.input';
import { PageArgs } from '../ledger/page.args';
import { PointInTimePageArgs } from '../point-in-time/point-in-time.args';

export const InstructionChannelEnum = Object.fromEntries(INSTRUCTION_CHANNELS.map((c) => [c.toUpperCase(), c])) as Record<
  string,
  InstructionChannel
>;
registerEnumType(InstructionChannelEnum, { name: 'InstructionChannel', description: 'How the controller gave the instruction.' });

export const InstructionStatusEnum = asEnum(INSTRUCTION_STATUSES);
registerEnumType(InstructionStatusEnum, { name: 'InstructionStatus' });

@InputType({ description: 'A documented instruction received from a controller (Art. 28(3)(a)).' })
export class ReceiveInstructionInput extends CommandInput {
  @Field({ description: 'The controller (client) who gave the instruction.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  controllerId!: string;

  @Field({ description: 'A short title.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  subject!: string;

  @Field({ description: 'The instruction as given.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  text!: string;

  @Field(() => InstructionChannelEnum)
  @IsIn(INSTRUCTION_CHANNELS)
  channel!: InstructionChannel;

  @Field({ nullable: true, description: 'SHA-256 (hex) of the document carrying the instruction.' })
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'documentSha256 must be 64 hexadecimal characters' })
  documentSha256?: string;
}

@InputType({ isAbstract: true })
abstract class InstructionTargetInput extends CommandInput {
  @Field(() => ID)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  instructionId!: string;
}

@InputType()
export class AcknowledgeInstructionInput extends InstructionTargetInput {}

@InputType({ description: 'The processor believes the instruction infringes data-protection law and tells the controller.' })
export class FlagInstructionAsInfringingInput extends InstructionTargetInput {
  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5_000)
  reason!: string;
}

@InputType()
export class SupersedeInstructionInput extends InstructionTargetInput {
  @Field(() => ID, { description: 'The later instruction, from the same controller, that replaces this one.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  supersededBy!: string;
}

@InputType()
export class WithdrawInstructionInput extends InstructionTargetInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5_000)
  reason?: string;
}

@ArgsType()
export class InstructionsArgs extends PointInTimePageArgs {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  controllerId?: string;

  @Field(() => InstructionStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(INSTRUCTION_STATUSES)
  status?: InstructionStatus;
}
