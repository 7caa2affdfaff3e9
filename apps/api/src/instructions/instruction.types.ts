import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { InstructionChannel, InstructionStatus } from '@ledger/domain';
import { LedgerWrite, PageInfo } from '../ledger/ledger.types';
import { InstructionChannelEnum, InstructionStatusEnum } from './instruction.inputs';
import { PointInTimeConnection } from '../point-in-time/derived-from.type';

@ObjectType({ description: 'A documented instruction from a controller and where it stands.' })
export class InstructionType {
  @Field(() => ID) id!: string;
  @Field() controllerId!: string;
  @Field() subject!: string;
  @Field() text!: string;
  @Field(() => InstructionChannelEnum) channel!: InstructionChannel;
  @Field(() => String, { nullable: true }) documentSha256!: string | null;
  @Field(() => InstructionStatusEnum) status!: InstructionStatus;
  @Field(() => GraphQLISODateTime) receivedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) acknowledgedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) flaggedAsInfringingAt!: Date | null;
  @Field(() => String, { nullable: true }) infringementReason!: string | null;
  @Field(() => String, { nullable: true }) supersededBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) supersededAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) withdrawnAt!: Date | null;
  @Field(() => String, { nullable: true }) withdrawalReason!: string | null;
  @Field({ description: 'The ledger stream holding this instruction: pass it to `history`.' }) stream!: string;
  @Field(() => Int, { description: 'Revision of the last event applied.' }) revision!: number;
}

@ObjectType()
export class InstructionPayload {
  @Field(() => InstructionType) instruction!: InstructionType;
  @Field(() => LedgerWrite) ledger!: LedgerWrite;
}

@ObjectType()
export class InstructionEdge {
  @Field() cursor!: string;
  @Field(() => InstructionType) node!: InstructionType;
}

@ObjectType()
export class InstructionConnection extends PointInTimeConnection {
  @Field(() => [InstructionEdge]) edges!: InstructionEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
