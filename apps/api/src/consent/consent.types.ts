import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import type { ContactChannel } from '@ledger/domain';
import { LedgerWrite } from '../ledger/ledger.types';
import { CONTACT_RULE_NAMES, ContactChannelEnum, ContactRuleEnum } from './consent.inputs';

@ObjectType({ description: 'A consent, withdrawal or objection as recorded.' })
export class ContactFactType {
  @Field({ description: 'ConsentGiven, ConsentWithdrawn or ObjectionRecorded.' }) type!: string;
  @Field({ description: 'The identifier as matched: e-mail lower-cased, phone in E.164.' }) subject!: string;
  @Field({ description: 'Pseudonymous id of the data subject: pass it to eraseSubject.' }) subjectId!: string;
  @Field(() => ContactChannelEnum) channel!: ContactChannel;
  @Field(() => String, { nullable: true, description: 'Null on an objection to every purpose.' }) purpose!: string | null;
  @Field() source!: string;
  @Field(() => GraphQLISODateTime) occurredAt!: Date;
}

@ObjectType()
export class ContactFactPayload {
  @Field(() => ContactFactType) fact!: ContactFactType;
  @Field(() => LedgerWrite) ledger!: LedgerWrite;
}

@ObjectType({ description: 'Whether a subject may be prospected on a channel for a purpose, which rule decided, and on which facts.' })
export class ContactPermissionType {
  @Field({ description: 'The identifier as matched (normalised), or as given when it could not be read.' }) subject!: string;
  @Field() allowed!: boolean;
  @Field(() => ContactRuleEnum) rule!: (typeof CONTACT_RULE_NAMES)[number];
  @Field({ description: 'The rule in plain words, with the dates it rests on.' }) reason!: string;
  @Field(() => [ID], { description: 'The ledger events the answer rests on (see history).' }) eventIds!: string[];
}
