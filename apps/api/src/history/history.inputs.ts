import { ArgsType, Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import {
  auditStream,
  breachStream,
  consentStream,
  dataSubjectRequestStream,
  dpaStream,
  instructionStream,
  processingActivityStream,
  subprocessorStream,
} from '@ledger/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { asEnum } from '../graphql/as-enum';
import { PageArgs } from '../ledger/page.args';

/** Each kind of record and the stream that holds its events (a DPA is kept per controller). */
export const RECORD_STREAMS = {
  INSTRUCTION: instructionStream,
  DATA_PROCESSING_AGREEMENT: dpaStream,
  SUBPROCESSOR: subprocessorStream,
  PROCESSING_ACTIVITY: processingActivityStream,
  AUDIT: auditStream,
  BREACH: breachStream,
  DATA_SUBJECT_REQUEST: dataSubjectRequestStream,
  /** By data-subject id (`subj-...`): that identifier's consents, withdrawals and objections. */
  CONSENT: consentStream,
} as const;
export type RecordKind = keyof typeof RECORD_STREAMS;
const RECORD_KINDS = Object.keys(RECORD_STREAMS) as RecordKind[];

export const RecordKindEnum = asEnum(RECORD_KINDS);
registerEnumType(RecordKindEnum, { name: 'RecordKind', description: 'A kind of record; with its id it names the stream of its events.' });

@InputType({ description: 'A record by kind and id, instead of its stream name. A data processing agreement is named by its controller id.' })
export class RecordRef {
  @Field(() => RecordKindEnum)
  @IsIn(RECORD_KINDS)
  kind!: RecordKind;

  @Field(() => ID)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  id!: string;
}

@ArgsType()
export class RecordHistoryArgs extends PageArgs {
  @Field({ nullable: true, description: 'The stream of the record, as events name it (e.g. instruction-<id>); or give `record`.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  stream?: string;

  @Field(() => RecordRef, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecordRef)
  record?: RecordRef;

  @Field(() => [String], { nullable: true, description: 'Only events of these types (e.g. InstructionReceived).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  types?: string[];

  @Field({ nullable: true, description: 'Only events that happened at or after this time (occurredAt, business time).' })
  @IsOptional()
  @IsDate()
  occurredFrom?: Date;

  @Field({ nullable: true, description: 'Only events that happened before this time (occurredAt, exclusive).' })
  @IsOptional()
  @IsDate()
  occurredTo?: Date;

  @Field({ nullable: true, description: 'Only events the ledger recorded at or after this time (recordedAt).' })
  @IsOptional()
  @IsDate()
  recordedFrom?: Date;

  @Field({ nullable: true, description: 'Only events the ledger recorded before this time (recordedAt, exclusive).' })
  @IsOptional()
  @IsDate()
  recordedTo?: Date;
}
