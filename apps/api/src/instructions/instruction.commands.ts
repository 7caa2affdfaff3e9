import { CommandHandler, ICommandHandler, Command } from '@nestjs/cqrs';
import {
  Instruction,
  InstructionCommand,
  instructionDecider,
  InstructionState,
  instructionStream,
  SupersedeInstruction,
} from '@ledger/domain';
import type { AppendResult } from '@ledger/event-store';
import { CommandMeta, DeciderExecutor } from '../ledger/decider-executor';

/** What the API asks for: the successor of a superseded instruction is loaded here, not sent. */
export type InstructionRequest =
  | Exclude<InstructionCommand, SupersedeInstruction>
  | { type: 'SupersedeInstruction'; data: Omit<SupersedeInstruction['data'], 'successor'> };

export interface InstructionWritten {
  instruction: Instruction;
  write: AppendResult;
}

export class ExecuteInstructionCommand extends Command<InstructionWritten> {
  constructor(
    readonly request: InstructionRequest,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(ExecuteInstructionCommand)
export class InstructionCommandHandler implements ICommandHandler<ExecuteInstructionCommand> {
  constructor(private readonly executor: DeciderExecutor) {}

  async execute({ request, meta }: ExecuteInstructionCommand): Promise<InstructionWritten> {
    const command = await this.complete(request, meta.tenantId);
    const { state, write } = await this.executor.execute(instructionDecider, instructionStream(command.data.instructionId), command, meta, {
      newStream: command.type === 'ReceiveInstruction',
    });
    return { instruction: state as Instruction, write };
  }

  private async complete(request: InstructionRequest, tenantId: string): Promise<InstructionCommand> {
    if (request.type !== 'SupersedeInstruction') return request;
    const successor: InstructionState = await this.executor.load(instructionDecider, tenantId, instructionStream(request.data.supersededBy));
    return {
      type: 'SupersedeInstruction',
      data: {
        ...request.data,
        successor: { controllerId: successor.status === 'NONE' ? null : successor.controllerId, status: successor.status },
      },
    };
  }
}
