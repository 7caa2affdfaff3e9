import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { type Breach, type BreachCommand, isAuthorityNotificationRequired, isSubjectNotificationRequired } from '@ledger/domain';
import { v7 as uuidv7 } from 'uuid';
import { connectionOf } from '../ledger/connection';
import type { CommandInput } from '../ledger/command.input';
import { CommandSender } from '../ledger/command-sender';
import { Ledger, type RequestContext } from '../ledger/request-context';
import { ExecuteBreachCommand } from './breach.commands';
import {
  BreachesArgs,
  CloseBreachInput,
  NotifyAuthorityOfBreachInput,
  NotifyControllerOfBreachInput,
  NotifySubjectsOfBreachInput,
  RecordBreachInput,
} from './breach.inputs';
import { GetBreach, ListBreaches } from './breach.queries';
import { BreachConnection, BreachPayload, BreachType } from './breach.types';
import { Allow, READERS, RecordOf } from '../access/policy';

function toType(breach: Breach, stream: string, revision: number): BreachType {
  return {
    ...breach,
    id: breach.breachId,
    authorityNotificationRequired: isAuthorityNotificationRequired(breach.riskLevel),
    subjectNotificationRequired: isSubjectNotificationRequired(breach.riskLevel),
    authorityNotificationLate: breach.controllers.some((c) => c.authorityNotificationLate === true),
    stream,
    revision,
  };
}

@Resolver(() => BreachType)
export class BreachesResolver {
  constructor(
    private readonly commands: CommandSender,
    private readonly queries: QueryBus,
  ) {}

  @Allow('processor')
  @Mutation(() => BreachPayload, { description: 'Document a personal-data breach; detectedAt is the occurredAt (Art. 33(5)).' })
  recordBreach(@Args('input') input: RecordBreachInput, @Ledger() ctx: RequestContext) {
    const { nature, dataSubjectCategories, approximateDataSubjectCount, recordCategories, approximateRecordCount } = input;
    const { likelyConsequences, measures, controllerIds, riskLevel } = input;
    const facts = { nature, dataSubjectCategories, approximateDataSubjectCount, recordCategories, approximateRecordCount, likelyConsequences, measures, controllerIds, riskLevel };
    return this.run(ctx, input, { type: 'RecordBreach', data: { ...facts, breachId: uuidv7(), occurredAt: input.occurredAt ?? new Date() } });
  }

  @Allow('processor')
  @Mutation(() => BreachPayload, { description: 'Record that the processor told an affected controller (Art. 33(2)).' })
  notifyControllerOfBreach(@Args('input') input: NotifyControllerOfBreachInput, @Ledger() ctx: RequestContext) {
    const { breachId, controllerId } = input;
    return this.run(ctx, input, { type: 'NotifyControllerOfBreach', data: { breachId, controllerId, occurredAt: input.occurredAt ?? new Date() } });
  }

  @Allow('processor')
  @Mutation(() => BreachPayload, { description: 'Record the notification of the supervisory authority by or for a controller (Art. 33(1)).' })
  notifyAuthorityOfBreach(@Args('input') input: NotifyAuthorityOfBreachInput, @Ledger() ctx: RequestContext) {
    const { breachId, controllerId, authority, delayReasons } = input;
    return this.run(ctx, input, {
      type: 'NotifyAuthorityOfBreach',
      data: { breachId, controllerId, authority, delayReasons: delayReasons ?? null, occurredAt: input.occurredAt ?? new Date() },
    });
  }

  @Allow('processor')
  @Mutation(() => BreachPayload, { description: 'Record the communication of the breach to the data subjects (Art. 34).' })
  notifySubjectsOfBreach(@Args('input') input: NotifySubjectsOfBreachInput, @Ledger() ctx: RequestContext) {
    const { breachId, controllerId, means } = input;
    return this.run(ctx, input, { type: 'NotifySubjectsOfBreach', data: { breachId, controllerId, means, occurredAt: input.occurredAt ?? new Date() } });
  }

  @Allow('processor')
  @Mutation(() => BreachPayload, { description: 'Close the breach record; every affected controller must have been notified.' })
  closeBreach(@Args('input') input: CloseBreachInput, @Ledger() ctx: RequestContext) {
    return this.run(ctx, input, { type: 'CloseBreach', data: { breachId: input.breachId, summary: input.summary ?? null, occurredAt: input.occurredAt ?? new Date() } });
  }

  @Allow(...READERS)
  @RecordOf('breach', 'id')
  @Query(() => BreachType, { nullable: true })
  async breach(@Args('id', { type: () => ID }) id: string, @Ledger() ctx: RequestContext) {
    const record = await this.queries.execute(new GetBreach(ctx.tenantId, id));
    return record && toType(record, record.stream, record.revision);
  }

  @Allow(...READERS)
  @Query(() => BreachConnection, { description: 'The breach register in the order breaches were recorded, filtered, a page at a time.' })
  async breaches(@Args() args: BreachesArgs, @Ledger() ctx: RequestContext): Promise<BreachConnection> {
    const page = await this.queries.execute(new ListBreaches(ctx.tenantId, args));
    return connectionOf(page, (node) => toType(node, node.stream, node.revision));
  }

  private async run(ctx: RequestContext, input: CommandInput, command: BreachCommand): Promise<BreachPayload> {
    const { breach, ledger } = await this.commands.send(ctx, input, (meta) => new ExecuteBreachCommand(command, meta));
    return { breach: toType(breach, ledger.stream, ledger.events[ledger.events.length - 1].revision), ledger };
  }
}
