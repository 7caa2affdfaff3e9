import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AUDIT_TOPICS, type AuditStatus, type AuditTopic, type FindingSeverity } from '@ledger/domain';
import { asEnum } from '../graphql/as-enum';
import { ActorType, LedgerWrite, PageInfo } from '../ledger/ledger.types';
import { AuditStatusEnum, FindingSeverityEnum } from './audit.inputs';
import { PointInTimeConnection } from '../point-in-time/derived-from.type';

export const AuditTopicEnum = asEnum(AUDIT_TOPICS);
registerEnumType(AuditTopicEnum, { name: 'AuditTopic' });

@ObjectType()
export class EvidenceDocumentType {
  @Field() name!: string;
  @Field() sha256!: string;
}

@ObjectType({ description: 'The first event a cited stream received after the revision the answer relied on.' })
export class StaleSinceType {
  @Field() eventId!: string;
  @Field() type!: string;
  @Field(() => GraphQLISODateTime) occurredAt!: Date;
  @Field(() => GraphQLISODateTime) recordedAt!: Date;
}

@ObjectType({ description: 'A ledger stream an answer rests on, pinned at its revision when the answer was given.' })
export class CitationType {
  @Field() stream!: string;
  @Field(() => Int) revision!: number;
  @Field({ description: 'The stream has changed since the answer was given.' }) stale!: boolean;
  @Field(() => StaleSinceType, { nullable: true }) staleSince!: StaleSinceType | null;
}

@ObjectType({ description: 'An answer, with where, when and by whom it was first given.' })
export class AuditAnswerType {
  @Field() answer!: string;
  @Field(() => [EvidenceDocumentType]) evidence!: EvidenceDocumentType[];
  @Field(() => [CitationType]) cites!: CitationType[];
  @Field({ description: 'Some cited stream changed after the answer was given: review it.' }) stale!: boolean;
  @Field({ description: 'Copied from an earlier audit when this one was requested.' }) prefilled!: boolean;
  @Field(() => GraphQLISODateTime) givenAt!: Date;
  @Field(() => ActorType) givenBy!: ActorType;
  @Field(() => ID) givenInAuditId!: string;
}

@ObjectType()
export class AuditQuestionType {
  @Field(() => ID) id!: string;
  @Field(() => AuditTopicEnum) topic!: AuditTopic;
  @Field({ description: 'The provision the question checks.' }) article!: string;
  @Field() text!: string;
  @Field(() => AuditAnswerType, { nullable: true }) answer!: AuditAnswerType | null;
}

@ObjectType()
export class AuditFindingType {
  @Field(() => ID) id!: string;
  @Field() text!: string;
  @Field(() => FindingSeverityEnum) severity!: FindingSeverity;
  @Field(() => String, { nullable: true }) questionId!: string | null;
  @Field(() => GraphQLISODateTime) raisedAt!: Date;
  @Field(() => ActorType) raisedBy!: ActorType;
}

@ObjectType({ description: 'An audit of the processor by a controller (Art. 28(3)(h)).' })
export class AuditType {
  @Field(() => ID) id!: string;
  @Field() controllerId!: string;
  @Field() templateId!: string;
  @Field(() => AuditStatusEnum) status!: AuditStatus;
  @Field(() => GraphQLISODateTime) requestedAt!: Date;
  @Field(() => GraphQLISODateTime) dueAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) submittedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) closedAt!: Date | null;
  @Field(() => String, { nullable: true }) conclusion!: string | null;
  @Field(() => Int) questionCount!: number;
  @Field(() => Int) answeredCount!: number;
  @Field(() => Int) findingCount!: number;
  @Field({ description: 'The ledger stream holding this audit: pass it to `history`.' }) stream!: string;
  @Field(() => Int, { description: 'Revision of the last event applied.' }) revision!: number;
}

@ObjectType()
export class AuditPayload {
  @Field(() => AuditType) audit!: AuditType;
  @Field(() => LedgerWrite) ledger!: LedgerWrite;
}

@ObjectType()
export class AuditEdge {
  @Field() cursor!: string;
  @Field(() => AuditType) node!: AuditType;
}

@ObjectType()
export class AuditConnection extends PointInTimeConnection {
  @Field(() => [AuditEdge]) edges!: AuditEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
