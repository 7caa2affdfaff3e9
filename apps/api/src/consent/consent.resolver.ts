import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { assertChannelFits, type ConsentCommand } from '@ledger/domain';
import { CommandSender } from '../ledger/command-sender';
import { Ledger, type RequestContext } from '../ledger/request-context';
import { ConsentSubjectPrivacy } from './consent-subject-privacy';
import { ExecuteConsentCommand } from './consent.commands';
import { ContactPermissionArgs, ContactPermissionsArgs, RecordConsentInput, RecordObjectionInput, WithdrawConsentInput } from './consent.inputs';
import { ContactFactPayload, ContactPermissionType } from './consent.types';
import { CheckContactPermissions } from './contact-permission.queries';
import { Allow, READERS } from '../access/policy';

@Resolver()
export class ConsentResolver {
  constructor(
    private readonly commands: CommandSender,
    private readonly queries: QueryBus,
    private readonly subjects: ConsentSubjectPrivacy,
  ) {}

  @Allow('processor')
  @Mutation(() => ContactFactPayload, { description: 'Record a consent to be contacted on a channel for a purpose (GDPR Art. 7, CPCE L.34-5).' })
  recordConsent(@Args('input') input: RecordConsentInput, @Ledger() ctx: RequestContext) {
    return this.run(ctx, input, 'RecordConsent', input.purpose);
  }

  @Allow('processor')
  @Mutation(() => ContactFactPayload, { description: 'Record the withdrawal of a consent in force (Art. 7(3)).' })
  withdrawConsent(@Args('input') input: WithdrawConsentInput, @Ledger() ctx: RequestContext) {
    return this.run(ctx, input, 'WithdrawConsent', input.purpose);
  }

  @Allow('processor')
  @Mutation(() => ContactFactPayload, { description: 'Record an objection to prospecting (opt-out, unsubscribe): always honoured, even after erasure (Art. 21(3)).' })
  recordObjection(@Args('input') input: RecordObjectionInput, @Ledger() ctx: RequestContext) {
    return this.run(ctx, input, 'RecordObjection', input.purpose ?? null);
  }

  @Allow(...READERS)
  @Query(() => ContactPermissionType, { description: 'May this subject be prospected on this channel for this purpose? The rule and the facts behind the answer.' })
  async contactPermission(@Args() { subject, ...request }: ContactPermissionArgs, @Ledger() ctx: RequestContext): Promise<ContactPermissionType> {
    // One subject: what cannot be read or reached is the caller's error, not a refusal to contact.
    assertChannelFits(this.subjects.identify(subject).subject, request.channel);
    const [answer] = await this.queries.execute(new CheckContactPermissions(ctx.tenantId, [subject], request));
    return answer;
  }

  @Allow(...READERS)
  @Query(() => [ContactPermissionType], { description: 'contactPermission for a whole list (up to 10,000 subjects, one database query), in the order given.' })
  contactPermissions(@Args() { subjects, ...request }: ContactPermissionsArgs, @Ledger() ctx: RequestContext): Promise<ContactPermissionType[]> {
    return this.queries.execute(new CheckContactPermissions(ctx.tenantId, subjects, request));
  }

  private async run(ctx: RequestContext, input: RecordConsentInput | RecordObjectionInput, type: ConsentCommand['type'], purpose: string | null): Promise<ContactFactPayload> {
    const { channel, source } = input;
    const identified = this.subjects.identify(input.subject);
    const command = { type, data: { ...identified, channel, purpose, source, occurredAt: input.occurredAt ?? new Date() } } as ConsentCommand;
    const { write, ledger } = await this.commands.send(ctx, input, (meta) => new ExecuteConsentCommand(command, meta));
    const stored = write.events[write.events.length - 1];
    const data = stored.data as { channel: ContactFactPayload['fact']['channel']; purpose: string | null; source: string };
    return {
      fact: { type: stored.type, subject: identified.subject.value, subjectId: identified.subjectId, channel: data.channel, purpose: data.purpose, source: data.source, occurredAt: new Date(stored.metadata.occurredAt) },
      ledger,
    };
  }
}
