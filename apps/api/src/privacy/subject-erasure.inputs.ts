import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { ERASURE_GROUNDS, type ErasureGround } from '@ledger/privacy';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { asEnum } from '../graphql/as-enum';
import { CommandInput } from '../ledger/command.input';

export const ErasureGroundEnum = asEnum(ERASURE_GROUNDS);
registerEnumType(ErasureGroundEnum, {
  name: 'ErasureGround',
  description:
    'Art. 17(1): (a) no longer necessary, (b) consent withdrawn, (c) objection, (d) unlawfully processed, (e) legal obligation, (f) child, information society service.',
});

@InputType({ description: 'Erase a data subject: destroy their key, so every field sealed under it reads as erased (Art. 17). Give subjectId, email or phone.' })
export class EraseSubjectInput extends CommandInput {
  @Field({ nullable: true, description: 'The pseudonymous subject id, as shown on the records (requester.subjectId).' })
  @IsOptional()
  @Matches(/^subj-[0-9a-f]{32}$/, { message: 'subjectId must be "subj-" and 32 hexadecimal digits' })
  subjectId?: string;

  @Field({ nullable: true, description: 'The subject’s e-mail: mapped to its subject id, never stored.' })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string;

  @Field({ nullable: true, description: 'The subject’s phone number in international form (+33 6 ...): mapped to its subject id, never stored.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @Field(() => ErasureGroundEnum)
  @IsIn(ERASURE_GROUNDS)
  ground!: ErasureGround;

  @Field({ description: 'Why, for the record. Kept forever: must not name or identify the person.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2_000)
  reason!: string;
}
