import { ArgsType, Field, GraphQLISODateTime, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { AUDIT_STATUSES, DEFAULT_QUESTIONNAIRE_TEMPLATE_ID, FINDING_SEVERITIES, type AuditStatus, type FindingSeverity } from '@ledger/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { asEnum } from '../graphql/as-enum';
import { CommandInput } from '../ledger/command.input';
import { PageArgs } from '../ledger/page.args';
import { PointInTimePageArgs } from '../point-in-time/point-in-time.args';

export const AuditStatusEnum = asEnum(AUDIT_STATUSES);
registerEnumType(AuditStatusEnum, { name: 'AuditStatus', description: 'REQUESTED (open for answers), SUBMITTED, CLOSED.' });
export const FindingSeverityEnum = asEnum(FINDING_SEVERITIES);
registerEnumType(FindingSeverityEnum, { name: 'FindingSeverity' });

@InputType({ description: "A controller's audit of its processor (Art. 28(3)(h)), from a questionnaire template." })
export class RequestAuditInput extends CommandInput {
  @Field({ description: 'The controller who asks for the audit.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  controllerId!: string;

  @Field({ defaultValue: DEFAULT_QUESTIONNAIRE_TEMPLATE_ID, description: 'The questionnaire template.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  templateId!: string;

  @Field(() => GraphQLISODateTime, { description: 'When the answers are due; not before the request.' })
  @IsDate()
  dueAt!: Date;
}

@InputType({ isAbstract: true })
abstract class AuditTargetInput extends CommandInput {
  @Field(() => ID)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  auditId!: string;
}

@InputType({ description: 'A document kept outside the ledger, proven by its SHA-256.' })
export class EvidenceDocumentInput {
  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  @Field({ description: 'SHA-256 of the document, hex.' })
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'sha256 must be 64 hexadecimal characters' })
  sha256!: string;
}

@InputType()
export class AnswerAuditInput extends AuditTargetInput {
  @Field({ description: 'The id of a question of the audit\'s template.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  questionId!: string;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  answer!: string;

  @Field(() => [EvidenceDocumentInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EvidenceDocumentInput)
  evidence!: EvidenceDocumentInput[];

  @Field(() => [String], {
    defaultValue: [],
    description: 'Ledger streams the answer rests on (e.g. processing-activity-<id>, dpa-<controllerId>): a later event on one marks the answer stale.',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(300, { each: true })
  cites!: string[];
}

@InputType({ description: 'Hand the answers to the controller: every question must be answered (pre-filled answers count).' })
export class SubmitAuditInput extends AuditTargetInput {}

@InputType({ description: 'A finding of the auditor on a submitted audit.' })
export class RaiseAuditFindingInput extends AuditTargetInput {
  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5_000)
  text!: string;

  @Field(() => FindingSeverityEnum)
  @IsIn(FINDING_SEVERITIES)
  severity!: FindingSeverity;

  @Field({ nullable: true, description: 'The question the finding is about, if one.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  questionId?: string;
}

@InputType()
export class CloseAuditInput extends AuditTargetInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5_000)
  conclusion?: string;
}

@ArgsType()
export class AuditsArgs extends PointInTimePageArgs {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  controllerId?: string;

  @Field(() => AuditStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(AUDIT_STATUSES)
  status?: AuditStatus;
}
