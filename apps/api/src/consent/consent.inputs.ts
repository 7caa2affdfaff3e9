import { ArgsType, Field, InputType, registerEnumType } from '@nestjs/graphql';
import { AUDIENCES, type Audience, CONTACT_CHANNELS, CONTACT_RULES, type ContactChannel } from '@ledger/domain';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { asEnum } from '../graphql/as-enum';
import { CommandInput } from '../ledger/command.input';

export const ContactChannelEnum = asEnum(CONTACT_CHANNELS);
registerEnumType(ContactChannelEnum, { name: 'ContactChannel', description: 'The prospecting channel (CPCE L.34-5 treats e-mail and SMS apart from phone and post).' });
export const AudienceEnum = asEnum(AUDIENCES);
registerEnumType(AudienceEnum, { name: 'Audience', description: 'B2B: a professional contacted about their professional activity; B2C: a consumer.' });
/** INVALID_SUBJECT only in batch answers: an identifier that cannot be matched is never cleared for contact. */
export const CONTACT_RULE_NAMES = [...CONTACT_RULES, 'INVALID_SUBJECT'] as const;
export const ContactRuleEnum = asEnum(CONTACT_RULE_NAMES);
registerEnumType(ContactRuleEnum, { name: 'ContactRule', description: 'The rule that decided a contact permission.' });

/** Subjects per contactPermissions call: a campaign's list, answered by one query. */
export const MAX_SUBJECTS_PER_CHECK = 10_000;
const SUBJECT_DESCRIPTION =
  'An e-mail address (anything with an @; trimmed, lower-cased) or a phone number in international form, starting with + (normalised to E.164). Personal data: stored only sealed.';

@InputType({ isAbstract: true })
abstract class ContactFactInput extends CommandInput {
  @Field({ description: SUBJECT_DESCRIPTION })
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  subject!: string;

  @Field(() => ContactChannelEnum)
  @IsIn(CONTACT_CHANNELS)
  channel!: ContactChannel;

  @Field({ description: 'Where it was collected: a form, an unsubscribe link, a call.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  source!: string;
}

@InputType({ description: 'A consent to be contacted on a channel for a purpose (GDPR Arts. 6(1)(a), 7; CPCE L.34-5).' })
export class RecordConsentInput extends ContactFactInput {
  @Field({ description: 'Compared trimmed and case-insensitively.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  purpose!: string;
}

@InputType({ description: 'The withdrawal of a consent in force (Art. 7(3)): honoured as an opt-out on every channel.' })
export class WithdrawConsentInput extends RecordConsentInput {}

@InputType({ description: 'An objection to prospecting (opt-out, unsubscribe): always honoured (Art. 21(3)) and kept after erasure.' })
export class RecordObjectionInput extends ContactFactInput {
  @Field({ nullable: true, description: 'The purpose objected to; none: every purpose on this channel.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  purpose?: string;
}

@ArgsType()
abstract class ContactCheckArgs {
  @Field(() => ContactChannelEnum)
  @IsIn(CONTACT_CHANNELS)
  channel!: ContactChannel;

  @Field(() => AudienceEnum)
  @IsIn(AUDIENCES)
  audience!: Audience;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  purpose!: string;
}

@ArgsType()
export class ContactPermissionArgs extends ContactCheckArgs {
  @Field({ description: SUBJECT_DESCRIPTION })
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  subject!: string;
}

@ArgsType()
export class ContactPermissionsArgs extends ContactCheckArgs {
  @Field(() => [String], { description: `Up to ${MAX_SUBJECTS_PER_CHECK.toLocaleString('en')} subjects, answered in the same order.` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SUBJECTS_PER_CHECK, { message: `subjects may hold at most ${MAX_SUBJECTS_PER_CHECK} entries per call` })
  @IsString({ each: true })
  @MaxLength(320, { each: true })
  subjects!: string[];
}
