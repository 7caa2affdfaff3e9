import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import type { ErasureGround } from '@ledger/privacy';
import { LedgerWrite } from '../ledger/ledger.types';
import { ErasureGroundEnum } from './subject-erasure.inputs';

@ObjectType({ description: 'A data subject whose key was destroyed: their sealed personal data now reads as erased everywhere.' })
export class SubjectErasureType {
  @Field() subjectId!: string;
  @Field(() => ErasureGroundEnum) ground!: ErasureGround;
  @Field() reason!: string;
  @Field(() => GraphQLISODateTime) erasedAt!: Date;
}

@ObjectType()
export class SubjectErasurePayload {
  @Field(() => SubjectErasureType) erasure!: SubjectErasureType;
  @Field(() => LedgerWrite) ledger!: LedgerWrite;
}
