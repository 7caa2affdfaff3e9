import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PROCESSING_ACTIVITY_STATUSES, type LegalBasis, type ProcessingActivityStatus, type ProcessingRole, type TransferMechanism } from '@ledger/domain';
import { asEnum } from '../graphql/as-enum';
import { LedgerWrite, PageInfo } from '../ledger/ledger.types';
import { LegalBasisEnum, ProcessingRoleEnum, TransferMechanismEnum } from './processing-activity.inputs';
import { PointInTimeConnection } from '../point-in-time/derived-from.type';

export const ProcessingActivityStatusEnum = asEnum(PROCESSING_ACTIVITY_STATUSES);
registerEnumType(ProcessingActivityStatusEnum, { name: 'ProcessingActivityStatus' });

@ObjectType()
export class TransferType {
  @Field() country!: string;
  @Field(() => TransferMechanismEnum) mechanism!: TransferMechanism;
}

@ObjectType({ description: 'One entry of the register of processing activities, laid out by the columns of Art. 30.' })
export class ProcessingActivityType {
  @Field(() => ID) id!: string;
  @Field(() => ProcessingRoleEnum) role!: ProcessingRole;
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: "Art. 30(2)(a): the controller on whose behalf the tenant acts (processor's record)." })
  controllerId!: string | null;
  @Field(() => [String], { description: 'Art. 30(2)(b).' }) categoriesOfProcessing!: string[];
  @Field(() => [String], { description: 'Art. 30(1)(b).' }) purposes!: string[];
  @Field(() => [String], { description: 'Art. 30(1)(c).' }) dataSubjectCategories!: string[];
  @Field(() => [String], { description: 'Art. 30(1)(c).' }) personalDataCategories!: string[];
  @Field(() => [String], { description: 'Art. 30(1)(d).' }) recipientCategories!: string[];
  @Field(() => [LegalBasisEnum], { description: 'Art. 6(1).' }) legalBases!: LegalBasis[];
  @Field(() => [TransferType], { description: 'Art. 30(1)(e), 30(2)(c).' }) transfers!: TransferType[];
  @Field(() => String, { nullable: true, description: 'Art. 30(1)(f).' }) erasureTimeLimits!: string | null;
  @Field(() => String, { nullable: true, description: 'Art. 30(1)(g), 30(2)(d).' }) securityMeasures!: string | null;
  @Field(() => ProcessingActivityStatusEnum) status!: ProcessingActivityStatus;
  @Field(() => GraphQLISODateTime) recordedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) amendedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) retiredAt!: Date | null;
  @Field(() => String, { nullable: true }) retirementReason!: string | null;
  @Field({ description: 'The ledger stream holding this record: pass it to `history`, or cite it in an audit answer.' }) stream!: string;
  @Field(() => Int, { description: 'Revision of the last event applied.' }) revision!: number;
}

@ObjectType()
export class ProcessingActivityPayload {
  @Field(() => ProcessingActivityType) processingActivity!: ProcessingActivityType;
  @Field(() => LedgerWrite) ledger!: LedgerWrite;
}

@ObjectType()
export class ProcessingActivityEdge {
  @Field() cursor!: string;
  @Field(() => ProcessingActivityType) node!: ProcessingActivityType;
}

@ObjectType()
export class ProcessingActivityConnection extends PointInTimeConnection {
  @Field(() => [ProcessingActivityEdge]) edges!: ProcessingActivityEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
