import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { BreachRiskLevel, BreachStatus } from '@ledger/domain';
import { LedgerWrite, PageInfo } from '../ledger/ledger.types';
import { BreachRiskLevelEnum, BreachStatusEnum } from './breach.inputs';
import { PointInTimeConnection } from '../point-in-time/derived-from.type';

@ObjectType({ description: 'Where one affected controller stands on a breach.' })
export class BreachControllerNoticeType {
  @Field() controllerId!: string;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the processor told this controller (Art. 33(2)).' })
  notifiedAt!: Date | null;
  @Field(() => String, { nullable: true }) authority!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) authorityNotifiedAt!: Date | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the authority was notified after the 72-hour deadline; null until it is.' })
  authorityNotificationLate!: boolean | null;
  @Field(() => String, { nullable: true }) delayReasons!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) subjectsNotifiedAt!: Date | null;
  @Field(() => String, { nullable: true }) subjectsNotificationMeans!: string | null;
}

@ObjectType({ description: 'A personal-data breach, as documented under Art. 33(5), and its notifications.' })
export class BreachType {
  @Field(() => ID) id!: string;
  @Field(() => BreachStatusEnum) status!: BreachStatus;
  @Field(() => BreachRiskLevelEnum) riskLevel!: BreachRiskLevel;
  @Field() nature!: string;
  @Field(() => [String]) dataSubjectCategories!: string[];
  @Field(() => Int) approximateDataSubjectCount!: number;
  @Field(() => [String]) recordCategories!: string[];
  @Field(() => Int) approximateRecordCount!: number;
  @Field() likelyConsequences!: string;
  @Field() measures!: string;
  @Field(() => GraphQLISODateTime, { description: 'When the processor became aware of the breach.' }) detectedAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'detectedAt + 72 hours (Art. 33(1)).' }) authorityNotificationDeadline!: Date;
  @Field({ description: 'False when the breach is unlikely to result in a risk (Art. 33(1)).' }) authorityNotificationRequired!: boolean;
  @Field({ description: 'True when the risk is high (Art. 34(1)).' }) subjectNotificationRequired!: boolean;
  @Field({ description: 'True when any controller’s authority notification came after the deadline.' }) authorityNotificationLate!: boolean;
  @Field(() => [BreachControllerNoticeType]) controllers!: BreachControllerNoticeType[];
  @Field(() => GraphQLISODateTime, { nullable: true }) closedAt!: Date | null;
  @Field(() => String, { nullable: true }) closingSummary!: string | null;
  @Field({ description: 'The ledger stream holding this breach: pass it to `history`.' }) stream!: string;
  @Field(() => Int, { description: 'Revision of the last event applied.' }) revision!: number;
}

@ObjectType()
export class BreachPayload {
  @Field(() => BreachType) breach!: BreachType;
  @Field(() => LedgerWrite) ledger!: LedgerWrite;
}

@ObjectType()
export class BreachEdge {
  @Field() cursor!: string;
  @Field(() => BreachType) node!: BreachType;
}

@ObjectType()
export class BreachConnection extends PointInTimeConnection {
  @Field(() => [BreachEdge]) edges!: BreachEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
