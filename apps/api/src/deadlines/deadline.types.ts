import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { DeadlineKind } from '@ledger/domain';
import { PageInfo } from '../ledger/ledger.types';
import { DeadlineKindEnum } from './deadline.inputs';
import { PointInTimeConnection } from '../point-in-time/derived-from.type';

@ObjectType({ description: 'An obligation with a due date, derived from the events of the record it concerns.' })
export class DeadlineType {
  @Field(() => ID) id!: string;
  @Field(() => DeadlineKindEnum) kind!: DeadlineKind;
  @Field({ description: 'The article the obligation comes from.' }) article!: string;
  @Field({ description: 'The record it concerns: pass it to `history`.' }) stream!: string;
  @Field() controllerId!: string;
  @Field(() => GraphQLISODateTime, { description: 'When the clock started: detection, receipt, proposal, request, end of the contract.' }) startedAt!: Date;
  @Field(() => GraphQLISODateTime) dueAt!: Date;
  @Field(() => Int, { description: 'Art. 12(3) extension months granted; 0 for the other kinds.' }) extensionMonths!: number;
  @Field({ description: 'Unmet and past dueAt at the time of the query.' }) overdue!: boolean;
  @Field() met!: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true }) metAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'The event that met it.' }) metByEventId!: string | null;
  @Field(() => [String], { description: 'The events the due date is derived from, oldest first (agreement terms, opening fact, extensions).' })
  sourceEventIds!: string[];
}

@ObjectType()
export class DeadlineEdge {
  @Field() cursor!: string;
  @Field(() => DeadlineType) node!: DeadlineType;
}

@ObjectType()
export class DeadlineConnection extends PointInTimeConnection {
  @Field(() => [DeadlineEdge]) edges!: DeadlineEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
