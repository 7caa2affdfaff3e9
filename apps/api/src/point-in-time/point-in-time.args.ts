import { ArgsType, Field, GraphQLISODateTime, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, Min, ValidateNested } from 'class-validator';
import { PageArgs } from '../ledger/page.args';

@InputType({
  description:
    'What the ledger knew: exactly one of `at` (the events recorded at or before this moment) and `treeSize` (the first treeSize leaves of the Merkle log).',
})
export class KnownAtInput {
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Ledger time: the longest log prefix recorded entirely by then. Not in the future.' })
  @IsOptional()
  @IsDate()
  at?: Date;

  @Field(() => Int, { nullable: true, description: 'A checkpoint: the first treeSize events of the log. At most the sealed size.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  treeSize?: number;
}

/**
 * The arguments of every register-style list: a page, and optionally the point in time to read
 * it at. Without asOf and knownAt the list is the current state.
 */
@ArgsType()
export abstract class PointInTimePageArgs extends PageArgs {
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Valid time: the register as it stood at this moment, from the facts that had occurred by then.',
  })
  @IsOptional()
  @IsDate()
  asOf?: Date;

  @Field(() => KnownAtInput, { nullable: true, description: 'Ledger time: only what the ledger had recorded by then (default: everything sealed).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => KnownAtInput)
  knownAt?: KnownAtInput;
}
