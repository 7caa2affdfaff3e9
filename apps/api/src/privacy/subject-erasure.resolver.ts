import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { DomainError, normaliseSubjectIdentifier } from '@ledger/domain';
import { Pseudonyms } from '@ledger/privacy';
import { CommandSender } from '../ledger/command-sender';
import { Ledger, type RequestContext } from '../ledger/request-context';
import { EraseSubjectCommand } from './subject-erasure.commands';
import { EraseSubjectInput } from './subject-erasure.inputs';
import { SubjectErasurePayload } from './subject-erasure.types';
import { Allow } from '../access/policy';

@Resolver()
export class SubjectErasureResolver {
  constructor(
    private readonly commands: CommandSender,
    private readonly pseudonyms: Pseudonyms,
  ) {}

  @Allow('processor')
  @Mutation(() => SubjectErasurePayload, {
    description: 'Erase a data subject by crypto-shredding: appends SubjectErased, then destroys their key; the hash chain still verifies (Art. 17).',
  })
  async eraseSubject(@Args('input') input: EraseSubjectInput, @Ledger() ctx: RequestContext): Promise<SubjectErasurePayload> {
    const given = [input.subjectId, input.email, input.phone].filter(Boolean).length;
    if (given !== 1) throw new DomainError('give exactly one of subjectId, email or phone', 'BAD_USER_INPUT', input.subjectId ? 'email' : 'subjectId');
    const subjectId = input.subjectId ?? (input.email ? this.pseudonyms.subjectIdForEmail(input.email) : this.phoneSubject(input.phone!));
    const { ground, reason } = input;
    const data = { subjectId, ground, reason, occurredAt: input.occurredAt ?? new Date() };
    const { erasure, ledger } = await this.commands.send(ctx, input, (meta) => new EraseSubjectCommand(data, meta));
    return { erasure, ledger };
  }

  /** The subject of a phone number, normalised to E.164 as the consent records have it. */
  private phoneSubject(phone: string): string {
    const identifier = normaliseSubjectIdentifier(phone, { field: 'phone' });
    if (identifier.kind !== 'phone') throw new DomainError('phone is not a phone number', 'BAD_USER_INPUT', 'phone');
    return this.pseudonyms.ofIdentifier('phone', identifier.value).subjectId;
  }
}
