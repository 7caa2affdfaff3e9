import { Field, GraphQLISODateTime, InputType } from '@nestjs/graphql';
import { IsDate, IsOptional, IsString, Length, Matches } from 'class-validator';

/** Fields every mutation input shares. */
@InputType({ isAbstract: true })
export abstract class CommandInput {
  @Field({
    nullable: true,
    description: 'Idempotency key: sending the same command id again writes nothing new and returns the first result.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  @Matches(/^[A-Za-z0-9._:-]+$/, { message: 'commandId may hold letters, digits and . _ : - only' })
  commandId?: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the fact happened (defaults to now).' })
  @IsOptional()
  @IsDate()
  occurredAt?: Date;
}
