import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { type DataProcessingAgreement, type DpaCommand, dpaDecider, dpaStream } from '@ledger/domain';
import type { AppendResult } from '@ledger/event-store';
import { type CommandMeta, DeciderExecutor } from '../ledger/decider-executor';

export interface DpaWritten {
  agreement: DataProcessingAgreement;
  write: AppendResult;
}

export class ExecuteDpaCommand extends Command<DpaWritten> {
  constructor(
    readonly command: DpaCommand,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(ExecuteDpaCommand)
export class DpaCommandHandler implements ICommandHandler<ExecuteDpaCommand> {
  constructor(private readonly executor: DeciderExecutor) {}

  async execute({ command, meta }: ExecuteDpaCommand): Promise<DpaWritten> {
    const { state, write } = await this.executor.execute(dpaDecider, dpaStream(command.data.controllerId), command, meta);
    return { agreement: state as DataProcessingAgreement, write };
  }
}
