import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { type Breach, type BreachCommand, breachDecider, breachStream } from '@ledger/domain';
import type { AppendResult } from '@ledger/event-store';
import { type CommandMeta, DeciderExecutor } from '../ledger/decider-executor';

export interface BreachWritten {
  breach: Breach;
  write: AppendResult;
}

export class ExecuteBreachCommand extends Command<BreachWritten> {
  constructor(
    readonly command: BreachCommand,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(ExecuteBreachCommand)
export class BreachCommandHandler implements ICommandHandler<ExecuteBreachCommand> {
  constructor(private readonly executor: DeciderExecutor) {}

  async execute({ command, meta }: ExecuteBreachCommand): Promise<BreachWritten> {
    const stream = breachStream(command.data.breachId);
    const { state, write } = await this.executor.execute(breachDecider, stream, command, meta, { newStream: command.type === 'RecordBreach' });
    return { breach: state as Breach, write };
  }
}
