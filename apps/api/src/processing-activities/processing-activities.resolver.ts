import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import type { ProcessingActivity, ProcessingActivityCommand, ProcessingActivityDetailsInput } from '@ledger/domain';
import { v7 as uuidv7 } from 'uuid';
import { connectionOf } from '../ledger/connection';
import { CommandSender } from '../ledger/command-sender';
import type { CommandInput } from '../ledger/command.input';
import { Ledger, type RequestContext } from '../ledger/request-context';
import { ExecuteProcessingActivityCommand } from './processing-activity.commands';
import {
  AmendProcessingActivityInput,
  RecordProcessingActivityInput,
  RegisterArgs,
  RetireProcessingActivityInput,
} from './processing-activity.inputs';
import { GetProcessingActivity, ListRegister } from './processing-activity.queries';
import { ProcessingActivityConnection, ProcessingActivityPayload, ProcessingActivityType } from './processing-activity.types';
import { Allow, READERS, RecordOf } from '../access/policy';

function toType(activity: ProcessingActivity, stream: string, revision: number): ProcessingActivityType {
  return { ...activity, id: activity.processingActivityId, stream, revision };
}

function columns(input: ProcessingActivityDetailsInput): ProcessingActivityDetailsInput {
  const { name, categoriesOfProcessing, purposes, dataSubjectCategories, personalDataCategories, recipientCategories } = input;
  const { legalBases, transfers, erasureTimeLimits, securityMeasures } = input;
  return {
    name,
    categoriesOfProcessing,
    purposes,
    dataSubjectCategories,
    personalDataCategories,
    recipientCategories,
    legalBases,
    transfers: transfers?.map(({ country, mechanism }) => ({ country, mechanism })),
    erasureTimeLimits,
    securityMeasures,
  };
}

@Resolver(() => ProcessingActivityType)
export class ProcessingActivitiesResolver {
  constructor(
    private readonly commands: CommandSender,
    private readonly queries: QueryBus,
  ) {}

  @Allow('processor')
  @Mutation(() => ProcessingActivityPayload, { description: 'Add an entry to the register of processing activities (Art. 30(1) or 30(2)).' })
  recordProcessingActivity(@Args('input') input: RecordProcessingActivityInput, @Ledger() ctx: RequestContext) {
    return this.run(ctx, input, {
      type: 'RecordProcessingActivity',
      data: { processingActivityId: uuidv7(), role: input.role, controllerId: input.controllerId, ...columns(input), occurredAt: input.occurredAt ?? new Date() },
    });
  }

  @Allow('processor')
  @Mutation(() => ProcessingActivityPayload, { description: 'Replace the columns of an entry in force (the register must be kept up to date).' })
  amendProcessingActivity(@Args('input') input: AmendProcessingActivityInput, @Ledger() ctx: RequestContext) {
    return this.run(ctx, input, {
      type: 'AmendProcessingActivity',
      data: { processingActivityId: input.processingActivityId, ...columns(input), occurredAt: input.occurredAt ?? new Date() },
    });
  }

  @Allow('processor')
  @Mutation(() => ProcessingActivityPayload, { description: 'Take an entry out of the register in force; its history stays in the ledger.' })
  retireProcessingActivity(@Args('input') input: RetireProcessingActivityInput, @Ledger() ctx: RequestContext) {
    return this.run(ctx, input, {
      type: 'RetireProcessingActivity',
      data: { processingActivityId: input.processingActivityId, reason: input.reason ?? null, occurredAt: input.occurredAt ?? new Date() },
    });
  }

  @Allow(...READERS)
  @RecordOf('processingActivity', 'id')
  @Query(() => ProcessingActivityType, { nullable: true, description: 'One entry of the register, in force or retired.' })
  async processingActivity(@Args('id', { type: () => ID }) id: string, @Ledger() ctx: RequestContext) {
    const record = await this.queries.execute(new GetProcessingActivity(ctx.tenantId, id));
    return record && toType(record, record.stream, record.revision);
  }

  @Allow(...READERS)
  @Query(() => ProcessingActivityConnection, {
    description: 'The register of processing activities in force (Art. 30), by controller and role, in the order recorded.',
  })
  async register(@Args() args: RegisterArgs, @Ledger() ctx: RequestContext): Promise<ProcessingActivityConnection> {
    const page = await this.queries.execute(new ListRegister(ctx.tenantId, args));
    return connectionOf(page, (node) => toType(node, node.stream, node.revision));
  }

  private async run(ctx: RequestContext, input: CommandInput, command: ProcessingActivityCommand): Promise<ProcessingActivityPayload> {
    const { processingActivity, ledger } = await this.commands.send(ctx, input, (meta) => new ExecuteProcessingActivityCommand(command, meta));
    return { processingActivity: toType(processingActivity, ledger.stream, ledger.events[ledger.events.length - 1].revision), ledger };
  }
}
