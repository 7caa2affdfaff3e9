import { QueryBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Subprocessor } from '@ledger/domain';
import { v7 as uuidv7 } from 'uuid';
import { connectionOf } from '../ledger/connection';
import { CommandInput } from '../ledger/command.input';
import { CommandSender } from '../ledger/command-sender';
import { Ledger, type RequestContext } from '../ledger/request-context';
import { ExecuteSubprocessorCommand, type SubprocessorRequest } from './subprocessor.commands';
import {
  AddSubprocessorInput,
  ApproveSubprocessorInput,
  ObjectToSubprocessorInput,
  ProposeSubprocessorInput,
  RemoveSubprocessorInput,
  SubprocessorsArgs,
} from './subprocessor.inputs';
import { GetSubprocessor, ListSubprocessorsForController } from './subprocessor.queries';
import { ControllerSubprocessorConnection, SubprocessorPayload, SubprocessorType } from './subprocessor.types';
import { Allow, READERS } from '../access/policy';

function toType(subprocessor: Subprocessor, stream: string, revision: number): SubprocessorType {
  const controllers = Object.entries(subprocessor.controllers).map(([controllerId, decision]) => ({ controllerId, ...decision }));
  return { ...subprocessor, id: subprocessor.subprocessorId, controllers, stream, revision };
}

const occurredAt = (input: CommandInput) => input.occurredAt ?? new Date();

@Resolver(() => SubprocessorType)
export class SubprocessorsResolver {
  constructor(
    private readonly commands: CommandSender,
    private readonly queries: QueryBus,
  ) {}

  @Allow('processor')
  @Mutation(() => SubprocessorPayload, {
    description: 'Announce an intended sub-processor: controllers under a general authorisation may object within their window (Art. 28(2)).',
  })
  proposeSubprocessor(@Args('input') input: ProposeSubprocessorInput, @Ledger() ctx: RequestContext) {
    const { name, service, location, transferMechanism } = input;
    return this.run(ctx, input, {
      type: 'ProposeSubprocessor',
      data: { subprocessorId: uuidv7(), name, service, location, transferMechanism, occurredAt: occurredAt(input) },
    });
  }

  @Allow('processor', 'controller')
  @Mutation(() => SubprocessorPayload, { description: "A controller's objection, within its window, under a general authorisation (Art. 28(2))." })
  objectToSubprocessor(@Args('input') input: ObjectToSubprocessorInput, @Ledger() ctx: RequestContext) {
    const { subprocessorId, controllerId, reason } = input;
    return this.run(ctx, input, { type: 'ObjectToSubprocessor', data: { subprocessorId, controllerId, reason, occurredAt: occurredAt(input) } });
  }

  @Allow('processor', 'controller')
  @Mutation(() => SubprocessorPayload, { description: "A controller's specific authorisation of the sub-processor (Art. 28(2))." })
  approveSubprocessor(@Args('input') input: ApproveSubprocessorInput, @Ledger() ctx: RequestContext) {
    const { subprocessorId, controllerId } = input;
    return this.run(ctx, input, { type: 'ApproveSubprocessor', data: { subprocessorId, controllerId, occurredAt: occurredAt(input) } });
  }

  @Allow('processor')
  @Mutation(() => SubprocessorPayload, {
    description: 'Engage the sub-processor for a controller: refused if it objected, before its window elapsed, or without its approval.',
  })
  addSubprocessor(@Args('input') input: AddSubprocessorInput, @Ledger() ctx: RequestContext) {
    const { subprocessorId, controllerId } = input;
    return this.run(ctx, input, { type: 'AddSubprocessor', data: { subprocessorId, controllerId, occurredAt: occurredAt(input) } });
  }

  @Allow('processor')
  @Mutation(() => SubprocessorPayload, { description: 'Stop using the sub-processor, for every controller.' })
  removeSubprocessor(@Args('input') input: RemoveSubprocessorInput, @Ledger() ctx: RequestContext) {
    const { subprocessorId, reason } = input;
    return this.run(ctx, input, { type: 'RemoveSubprocessor', data: { subprocessorId, reason: reason ?? null, occurredAt: occurredAt(input) } });
  }

  @Allow(...READERS)
  @Query(() => SubprocessorType, { nullable: true })
  async subprocessor(@Args('id', { type: () => ID }) id: string, @Ledger() ctx: RequestContext) {
    const record = await this.queries.execute(new GetSubprocessor(ctx.tenantId, id));
    return record && toType(record, record.stream, record.revision);
  }

  @Allow(...READERS)
  @Query(() => ControllerSubprocessorConnection, {
    description: 'Every sub-processor, in the order proposed, with its authorisation state for one controller: now, or at asOf / knownAt.',
  })
  async subprocessors(@Args() { controllerId, ...page }: SubprocessorsArgs, @Ledger() ctx: RequestContext): Promise<ControllerSubprocessorConnection> {
    const list = await this.queries.execute(new ListSubprocessorsForController(ctx.tenantId, controllerId, page));
    return connectionOf(list, ({ subprocessor, authorisation }) => ({
      controllerId,
      authorisation: authorisation.state,
      objectionWindowEndsAt: authorisation.objectionWindowEndsAt,
      subprocessor: toType(subprocessor, subprocessor.stream, subprocessor.revision),
    }));
  }

  private async run(ctx: RequestContext, input: CommandInput, request: SubprocessorRequest): Promise<SubprocessorPayload> {
    const { subprocessor, ledger } = await this.commands.send(ctx, input, (meta) => new ExecuteSubprocessorCommand(request, meta));
    return { subprocessor: toType(subprocessor, ledger.stream, ledger.events[ledger.events.length - 1].revision), ledger };
  }
}
