import { CommandHandler, ICommandHandler, Command } from '@nestjs/cqrs';
import {
  type ProcessingActivity,
  type ProcessingActivityCommand,
  processingActivityDecider,
  processingActivityStream,
} from '@ledger/domain';
import type { AppendResult } from '@ledger/event-store';
import { type CommandMeta, DeciderExecutor } from '../ledger/decider-executor';

export interface ProcessingActivityWritten {
  processingActivity: ProcessingActivity;
  write: AppendResult;
}

export class ExecuteProcessingActivityCommand extends Command<ProcessingActivityWritten> {
  constructor(
    readonly command: ProcessingActivityCommand,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(ExecuteProcessingActivityCommand)
export class ProcessingActivityCommandHandler implements ICommandHandler<ExecuteProcessingActivityCommand> {
  constructor(private readonly executor: DeciderExecutor) {}

  async execute({ command, meta }: ExecuteProcessingActivityCommand): Promise<ProcessingActivityWritten> {
    const stream = processingActivityStream(command.data.processingActivityId);
    const { state, write } = await this.executor.execute(processingActivityDecider, stream, command, meta, {
      newStream: command.type === 'RecordProcessingActivity',
    });
    return { processingActivity: state as ProcessingActivity, write };
  }
}
