import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { type DataSubjectRequest, type DataSubjectRequestCommand, isDataSubjectRequestOverdue } from '@ledger/domain';
import { v7 as uuidv7 } from 'uuid';
import { connectionOf } from '../ledger/connection';
import type { CommandInput } from '../ledger/command.input';
import { CommandSender } from '../ledger/command-sender';
import { type Clock, CLOCK } from '../ledger/ledger.tokens';
import { Ledger, type RequestContext } from '../ledger/request-context';
import { ExecuteDataSubjectRequestCommand } from './data-subject-request.commands';
import {
  CompleteDataSubjectRequestInput,
  DataSubjectRequestsArgs,
  ExtendDataSubjectRequestInput,
  ForwardDataSubjectRequestInput,
  ReceiveDataSubjectRequestInput,
  RefuseDataSubjectRequestInput,
} from './data-subject-request.inputs';
import { GetDataSubjectRequest, ListDataSubjectRequests } from './data-subject-request.queries';
import { RequesterPrivacy } from './requester-privacy';
import { DataSubjectRequestConnection, DataSubjectRequestPayload, DataSubjectRequestType } from './data-subject-request.types';
import { Allow, READERS, RecordOf } from '../access/policy';

@Resolver(() => DataSubjectRequestType)
export class DataSubjectRequestsResolver {
  constructor(
    private readonly commands: CommandSender,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly requesters: RequesterPrivacy,
  ) {}

  @Allow('processor')
  @Mutation(() => DataSubjectRequestPayload, { description: 'Record a data-subject request received for a controller; the month runs from occurredAt (Art. 12(3)).' })
  receiveDataSubjectRequest(@Args('input') input: ReceiveDataSubjectRequestInput, @Ledger() ctx: RequestContext) {
    const { name, email, phone } = input.requester;
    return this.run(ctx, input, {
      type: 'ReceiveDataSubjectRequest',
      data: { requestId: uuidv7(), controllerId: input.controllerId, requestType: input.type, requester: { name, email, phone }, occurredAt: input.occurredAt ?? new Date() },
    });
  }

  @Allow('processor')
  @Mutation(() => DataSubjectRequestPayload, { description: 'Record that the request was passed on to its controller (Art. 28(3)(e)).' })
  forwardDataSubjectRequest(@Args('input') input: ForwardDataSubjectRequestInput, @Ledger() ctx: RequestContext) {
    return this.run(ctx, input, { type: 'ForwardDataSubjectRequest', data: { requestId: input.requestId, occurredAt: input.occurredAt ?? new Date() } });
  }

  @Allow('processor')
  @Mutation(() => DataSubjectRequestPayload, { description: 'Extend the answer period by up to two months in total, within the first month (Art. 12(3)).' })
  extendDataSubjectRequest(@Args('input') input: ExtendDataSubjectRequestInput, @Ledger() ctx: RequestContext) {
    const { requestId, months, reason } = input;
    return this.run(ctx, input, { type: 'ExtendDataSubjectRequest', data: { requestId, months, reason, occurredAt: input.occurredAt ?? new Date() } });
  }

  @Allow('processor')
  @Mutation(() => DataSubjectRequestPayload, { description: 'Record that the request was answered.' })
  completeDataSubjectRequest(@Args('input') input: CompleteDataSubjectRequestInput, @Ledger() ctx: RequestContext) {
    return this.run(ctx, input, { type: 'CompleteDataSubjectRequest', data: { requestId: input.requestId, occurredAt: input.occurredAt ?? new Date() } });
  }

  @Allow('processor')
  @Mutation(() => DataSubjectRequestPayload, { description: 'Record that no action is taken, with the reasons given to the requester (Art. 12(4)).' })
  refuseDataSubjectRequest(@Args('input') input: RefuseDataSubjectRequestInput, @Ledger() ctx: RequestContext) {
    const { requestId, reason } = input;
    return this.run(ctx, input, { type: 'RefuseDataSubjectRequest', data: { requestId, reason, occurredAt: input.occurredAt ?? new Date() } });
  }

  @Allow(...READERS)
  @RecordOf('dataSubjectRequest', 'id')
  @Query(() => DataSubjectRequestType, { nullable: true })
  async dataSubjectRequest(@Args('id', { type: () => ID }) id: string, @Ledger() ctx: RequestContext) {
    const record = await this.queries.execute(new GetDataSubjectRequest(ctx.tenantId, id));
    return record && this.toType(ctx, record, record.stream, record.revision);
  }

  @Allow(...READERS)
  @Query(() => DataSubjectRequestConnection, { description: 'Data-subject requests in the order received, filtered, a page at a time.' })
  async dataSubjectRequests(@Args() args: DataSubjectRequestsArgs, @Ledger() ctx: RequestContext): Promise<DataSubjectRequestConnection> {
    const page = await this.queries.execute(new ListDataSubjectRequests(ctx.tenantId, args));
    const at = args.asOf ?? this.clock();
    const edges = await Promise.all(page.edges.map(async (edge) => ({ ...edge, node: await this.toType(ctx, edge.node, edge.node.stream, edge.node.revision, at) })));
    return connectionOf({ ...page, edges }, (node) => node);
  }

  /** The requester is opened here, at query time: the register itself holds it sealed. */
  /** `overdue` is judged at `at`: now, or the asOf of a past register. */
  private async toType(ctx: RequestContext, request: DataSubjectRequest, stream: string, revision: number, at = this.clock()): Promise<DataSubjectRequestType> {
    const overdue = isDataSubjectRequestOverdue(request, at);
    const requester = await this.requesters.open(ctx.tenantId, request.requester);
    return { ...request, requester, id: request.requestId, type: request.requestType, overdue, stream, revision };
  }

  private async run(ctx: RequestContext, input: CommandInput, command: DataSubjectRequestCommand): Promise<DataSubjectRequestPayload> {
    const { request, ledger } = await this.commands.send(ctx, input, (meta) => new ExecuteDataSubjectRequestCommand(command, meta));
    return { dataSubjectRequest: await this.toType(ctx, request, ledger.stream, ledger.events[ledger.events.length - 1].revision), ledger };
  }
}
