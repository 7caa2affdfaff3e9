import { CommandHandler, ICommandHandler, Command } from '@nestjs/cqrs';
import {
  controllerAgreementOf,
  dpaDecider,
  dpaStream,
  type Instruction,
  type InstructionCommand,
  instructionDecider,
  type InstructionState,
  instructionStream,
  type ReceiveInstruction,
  type SupersedeInstruction,
} from '@ledger/domain';
import type { AppendResult } from '@ledger/event-store';
import { type CommandMeta, DeciderExecutor } from '../ledger/decider-executor';

/**
 * What the API asks for: what the rules need of other records (the controller's agreements, the
 * successor of a superseded instruction) is loaded here, not sent.
 */
export type InstructionRequest =
  | Exclude<InstructionCommand, ReceiveInstruction | SupersedeInstruction>
  | { type: 'ReceiveInstruction'; data: Omit<ReceiveInstruction['data'], 'agreementPeriods'> }
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
    switch (request.type) {
      case 'ReceiveInstruction': {
        const agreement = await this.executor.load(dpaDecider, tenantId, dpaStream(request.data.controllerId.trim()));
        return { type: 'ReceiveInstruction', data: { ...request.data, agreementPeriods: controllerAgreementOf(agreement).periods } };
      }
      case 'SupersedeInstruction': {
        const successor: InstructionState = await this.executor.load(instructionDecider, tenantId, instructionStream(request.data.supersededBy));
        const controllerId = successor.status === 'NONE' ? null : successor.controllerId;
        return { type: 'SupersedeInstruction', data: { ...request.data, successor: { controllerId, status: successor.status } } };
      }
      default:
        return request;
    }
  }
}
