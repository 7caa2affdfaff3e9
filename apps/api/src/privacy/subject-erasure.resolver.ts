import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { DomainError } from '@ledger/domain';
import { Pseudonyms } from '@ledger/privacy';
import { CommandSender } from '../ledger/command-sender';
import { Ledger, type RequestContext } from '../ledger/request-context';
import { EraseSubjectCommand } from './subject-erasure.commands';
import { EraseSubjectInput } from './subject-erasure.inputs';
import { SubjectErasurePayload } from './subject-erasure.types';

@Resolver()
export class SubjectErasureResolver {
  constructor(
    private readonly commands: CommandSender,
    private readonly pseudonyms: Pseudonyms,
  ) {}

  @Mutation(() => SubjectErasurePayload, {
    description: 'Erase a data subject by crypto-shredding: appends SubjectErased, then destroys their key; the hash chain still verifies (Art. 17).',
  })
  async eraseSubject(@Args('input') input: EraseSubjectInput, @Ledger() ctx: RequestContext): Promise<SubjectErasurePayload> {
    if (Boolean(input.subjectId) === Boolean(input.email))
      throw new DomainError('give either subjectId or email, exactly one', 'BAD_USER_INPUT', input.subjectId ? 'email' : 'subjectId');
    const subjectId = input.subjectId ?? this.pseudonyms.subjectIdForEmail(input.email!);
    const { ground, reason } = input;
    const data = { subjectId, ground, reason, occurredAt: input.occurredAt ?? new Date() };
    const { erasure, ledger } = await this.commands.send(ctx, input, (meta) => new EraseSubjectCommand(data, meta));
    return { erasure, ledger };
  }
}
