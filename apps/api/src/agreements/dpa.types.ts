import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import type { Art28Clause, DpaStatus, SubprocessorAuthorisation } from '@ledger/domain';
import { LedgerWrite, PageInfo } from '../ledger/ledger.types';
import { Art28ClauseEnum, DpaStatusEnum, SubprocessorAuthorisationEnum } from './dpa.inputs';
import { PointInTimeConnection } from '../point-in-time/derived-from.type';

@ObjectType({ description: 'A clause Art. 28(3) requires that the contract lacks.' })
export class MissingClauseType {
  @Field(() => Art28ClauseEnum) clause!: Art28Clause;
  @Field() description!: string;
}

@ObjectType({ description: 'When one earlier agreement on the relationship was in force.' })
export class AgreementPeriodType {
  @Field(() => GraphQLISODateTime) effectiveFrom!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) effectiveUntil!: Date | null;
}

@ObjectType('DataProcessingAgreement', { description: 'A controller relationship: its current Art. 28(3) contract and where it stands.' })
export class DataProcessingAgreementType {
  @Field() controllerId!: string;
  @Field() controllerName!: string;
  @Field(() => Int, { description: '1 for the first agreement on the relationship, 2 after a termination and a new signature, ...' })
  agreementNumber!: number;
  @Field(() => DpaStatusEnum) status!: DpaStatus;
  @Field(() => GraphQLISODateTime) signedAt!: Date;
  @Field(() => GraphQLISODateTime) effectiveFrom!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the termination takes effect.' }) effectiveUntil!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastAmendedAt!: Date | null;
  @Field(() => [Art28ClauseEnum]) clauses!: Art28Clause[];
  @Field(() => [MissingClauseType]) missingClauses!: MissingClauseType[];
  @Field(() => SubprocessorAuthorisationEnum) subprocessorAuthorisation!: SubprocessorAuthorisation;
  @Field(() => Int) objectionWindowDays!: number;
  @Field(() => Int) breachNotificationHours!: number;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Art. 28(3)(g).' }) dataReturnedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Art. 28(3)(g).' }) dataDeletedAt!: Date | null;
  @Field(() => [AgreementPeriodType]) previousAgreements!: AgreementPeriodType[];
  @Field({ description: 'The ledger stream of the relationship: pass it to `history`.' }) stream!: string;
  @Field(() => Int, { description: 'Revision of the last event applied.' }) revision!: number;
}

@ObjectType()
export class DataProcessingAgreementPayload {
  @Field(() => DataProcessingAgreementType) agreement!: DataProcessingAgreementType;
  @Field(() => LedgerWrite) ledger!: LedgerWrite;
}

@ObjectType()
export class DataProcessingAgreementEdge {
  @Field() cursor!: string;
  @Field(() => DataProcessingAgreementType) node!: DataProcessingAgreementType;
}

@ObjectType()
export class DataProcessingAgreementConnection extends PointInTimeConnection {
  @Field(() => [DataProcessingAgreementEdge]) edges!: DataProcessingAgreementEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
