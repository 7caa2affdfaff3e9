import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import type { Instruction } from '@ledger/domain';
import { v7 as uuidv7 } from 'uuid';
import { connectionOf } from '../ledger/connection';
import { CommandInput } from '../ledger/command.input';
import { CommandSender } from '../ledger/command-sender';
import { Ledger, type RequestContext } from '../ledger/request-context';
import { ExecuteInstructionCommand, InstructionRequest } from './instruction.commands';
import {
  AcknowledgeInstructionInput,
  FlagInstructionAsInfringingInput,
  InstructionsArgs,
  ReceiveInstructionInput,
  SupersedeInstructionInput,
  WithdrawInstructionInput,
} from './instruction.inputs';
import { GetInstruction, ListInstructions } from './instruction.queries';
import { InstructionConnection, InstructionPayload, InstructionType } from './instruction.types';
import { Allow, READERS, RecordOf } from '../access/policy';

function toType(instruction: Instruction, stream: string, revision: number): InstructionType {
  return { ...instruction, id: instruction.instructionId, stream, revision };
}

@Resolver(() => InstructionType)
export class InstructionsResolver {
  constructor(
    private readonly commands: CommandSender,
    private readonly queries: QueryBus,
  ) {}

  @Allow('processor', 'controller')
  @Mutation(() => InstructionPayload, { description: 'Log a documented instruction received from a controller (Art. 28(3)(a)).' })
  receiveInstruction(@Args('input') input: ReceiveInstructionInput, @Ledger() ctx: RequestContext) {
    const { controllerId, subject, text, channel, documentSha256 } = input;
    return this.run(ctx, input, {
      type: 'ReceiveInstruction',
      data: { instructionId: uuidv7(), controllerId, subject, text, channel, documentSha256, occurredAt: input.occurredAt ?? new Date() },
    });
  }

  @Allow('processor')
  @Mutation(() => InstructionPayload)
  acknowledgeInstruction(@Args('input') input: AcknowledgeInstructionInput, @Ledger() ctx: RequestContext) {
    return this.run(ctx, input, {
      type: 'AcknowledgeInstruction',
      data: { instructionId: input.instructionId, occurredAt: input.occurredAt ?? new Date() },
    });
  }

  @Allow('processor')
  @Mutation(() => InstructionPayload, {
    description: 'Record that the processor told the controller it believes this instruction infringes the GDPR (Art. 28(3)).',
  })
  flagInstructionAsInfringing(@Args('input') input: FlagInstructionAsInfringingInput, @Ledger() ctx: RequestContext) {
    return this.run(ctx, input, {
      type: 'FlagInstructionAsInfringing',
      data: { instructionId: input.instructionId, reason: input.reason, occurredAt: input.occurredAt ?? new Date() },
    });
  }

  @Allow('processor', 'controller')
  @RecordOf('instruction', 'instructionId', 'supersededBy')
  @Mutation(() => InstructionPayload)
  supersedeInstruction(@Args('input') input: SupersedeInstructionInput, @Ledger() ctx: RequestContext) {
    return this.run(ctx, input, {
      type: 'SupersedeInstruction',
      data: { instructionId: input.instructionId, supersededBy: input.supersededBy, occurredAt: input.occurredAt ?? new Date() },
    });
  }

  @Allow('processor', 'controller')
  @RecordOf('instruction', 'instructionId')
  @Mutation(() => InstructionPayload)
  withdrawInstruction(@Args('input') input: WithdrawInstructionInput, @Ledger() ctx: RequestContext) {
    return this.run(ctx, input, {
      type: 'WithdrawInstruction',
      data: { instructionId: input.instructionId, reason: input.reason ?? null, occurredAt: input.occurredAt ?? new Date() },
    });
  }

  @Allow(...READERS)
  @RecordOf('instruction', 'id')
  @Query(() => InstructionType, { nullable: true })
  async instruction(@Args('id', { type: () => ID }) id: string, @Ledger() ctx: RequestContext) {
    const record = await this.queries.execute(new GetInstruction(ctx.tenantId, id));
    return record && toType(record, record.stream, record.revision);
  }

  @Allow(...READERS)
  @Query(() => InstructionConnection, { description: 'Instructions in the order they were recorded, filtered, a page at a time.' })
  async instructions(@Args() args: InstructionsArgs, @Ledger() ctx: RequestContext): Promise<InstructionConnection> {
    const page = await this.queries.execute(new ListInstructions(ctx.tenantId, args));
    return connectionOf(page, (node) => toType(node, node.stream, node.revision));
  }

  private async run(ctx: RequestContext, input: CommandInput, request: InstructionRequest): Promise<InstructionPayload> {
    const { instruction, ledger } = await this.commands.send(ctx, input, (meta) => new ExecuteInstructionCommand(request, meta));
    return { instruction: toType(instruction, ledger.stream, ledger.events[ledger.events.length - 1].revision), ledger };
  }
}
