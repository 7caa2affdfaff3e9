import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { SubprocessorAuthorisationState, SubprocessorStatus, SubprocessorTransferMechanism } from '@ledger/domain';
import { LedgerWrite, PageInfo } from '../ledger/ledger.types';
import { SubprocessorAuthorisationStateEnum, SubprocessorStatusEnum, SubprocessorTransferMechanismEnum } from './subprocessor.inputs';
import { PointInTimeConnection } from '../point-in-time/derived-from.type';

@ObjectType({ description: 'What one controller said about a sub-processor, and whether it was engaged for it.' })
export class SubprocessorControllerDecisionType {
  @Field() controllerId!: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) objectedAt!: Date | null;
  @Field(() => String, { nullable: true }) objectionReason!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) approvedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) engagedAt!: Date | null;
}

@ObjectType('Subprocessor', { description: 'A sub-processor of the processor (Art. 28(2) and 28(4)).' })
export class SubprocessorType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() service!: string;
  @Field() location!: string;
  @Field(() => SubprocessorTransferMechanismEnum) transferMechanism!: SubprocessorTransferMechanism;
  @Field(() => SubprocessorStatusEnum) status!: SubprocessorStatus;
  @Field(() => GraphQLISODateTime, { description: 'Objection windows count from here.' }) proposedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) removedAt!: Date | null;
  @Field(() => String, { nullable: true }) removalReason!: string | null;
  @Field(() => [SubprocessorControllerDecisionType]) controllers!: SubprocessorControllerDecisionType[];
  @Field({ description: 'The ledger stream holding this sub-processor: pass it to `history`.' }) stream!: string;
  @Field(() => Int, { description: 'Revision of the last event applied.' }) revision!: number;
}

@ObjectType()
export class SubprocessorPayload {
  @Field(() => SubprocessorType) subprocessor!: SubprocessorType;
  @Field(() => LedgerWrite) ledger!: LedgerWrite;
}

@ObjectType({ description: 'A sub-processor as one controller sees it.' })
export class ControllerSubprocessorType {
  @Field() controllerId!: string;
  @Field(() => SubprocessorAuthorisationStateEnum) authorisation!: SubprocessorAuthorisationState;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Under a general authorisation, when the right to object ends.' })
  objectionWindowEndsAt!: Date | null;
  @Field(() => SubprocessorType) subprocessor!: SubprocessorType;
}

@ObjectType()
export class ControllerSubprocessorEdge {
  @Field() cursor!: string;
  @Field(() => ControllerSubprocessorType) node!: ControllerSubprocessorType;
}

@ObjectType()
export class ControllerSubprocessorConnection extends PointInTimeConnection {
  @Field(() => [ControllerSubprocessorEdge]) edges!: ControllerSubprocessorEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
