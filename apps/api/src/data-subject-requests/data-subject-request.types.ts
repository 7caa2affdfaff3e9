import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { DataSubjectRequestStatus, DataSubjectRight } from '@ledger/domain';
import { LedgerWrite, PageInfo } from '../ledger/ledger.types';
import { DataSubjectRequestStatusEnum, DataSubjectRightEnum } from './data-subject-request.inputs';
import { PointInTimeConnection } from '../point-in-time/derived-from.type';

@ObjectType({
  description: 'The requester: personal data, stored only encrypted under the subject’s key. Once the subject is erased, erased is true and name, email and phone are null.',
})
export class RequesterType {
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true, description: 'Pseudonymous id of the data subject: pass it to eraseSubject. Null for data recorded before sealing.' })
  subjectId!: string | null;
  @Field({ description: 'True once the subject was erased (Art. 17): the key is destroyed and the fields can never be read again.' })
  erased!: boolean;
}

@ObjectType({ description: 'A data-subject request and where it stands against its Art. 12(3) deadline.' })
export class DataSubjectRequestType {
  @Field(() => ID) id!: string;
  @Field() controllerId!: string;
  @Field(() => DataSubjectRightEnum) type!: DataSubjectRight;
  @Field(() => RequesterType) requester!: RequesterType;
  @Field(() => DataSubjectRequestStatusEnum) status!: DataSubjectRequestStatus;
  @Field(() => GraphQLISODateTime) receivedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) forwardedAt!: Date | null;
  @Field(() => Int) extensionMonths!: number;
  @Field(() => [String]) extensionReasons!: string[];
  @Field(() => GraphQLISODateTime, { description: 'One month after receipt, plus the extension months (Art. 12(3)).' }) dueAt!: Date;
  @Field({ description: 'Unanswered and past dueAt at the time of the query.' }) overdue!: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true }) completedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) refusedAt!: Date | null;
  @Field(() => String, { nullable: true }) refusalReason!: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Null until answered; then whether too late: after dueAt, or for a refusal after one month from receipt (Art. 12(4)).',
  })
  answeredLate!: boolean | null;
  @Field({ description: 'The ledger stream holding this request: pass it to `history`.' }) stream!: string;
  @Field(() => Int, { description: 'Revision of the last event applied.' }) revision!: number;
}

@ObjectType()
export class DataSubjectRequestPayload {
  @Field(() => DataSubjectRequestType) dataSubjectRequest!: DataSubjectRequestType;
  @Field(() => LedgerWrite) ledger!: LedgerWrite;
}

@ObjectType()
export class DataSubjectRequestEdge {
  @Field() cursor!: string;
  @Field(() => DataSubjectRequestType) node!: DataSubjectRequestType;
}

@ObjectType()
export class DataSubjectRequestConnection extends PointInTimeConnection {
  @Field(() => [DataSubjectRequestEdge]) edges!: DataSubjectRequestEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
