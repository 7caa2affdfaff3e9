import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { type DataSubjectRequest, type DataSubjectRequestCommand, dataSubjectRequestDecider, dataSubjectRequestStream } from '@ledger/domain';
import type { AppendResult } from '@ledger/event-store';
import { type CommandMeta, DeciderExecutor } from '../ledger/decider-executor';
import { RequesterPrivacy } from './requester-privacy';

export interface DataSubjectRequestWritten {
  request: DataSubjectRequest;
  write: AppendResult;
}

export class ExecuteDataSubjectRequestCommand extends Command<DataSubjectRequestWritten> {
  constructor(
    readonly command: DataSubjectRequestCommand,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(ExecuteDataSubjectRequestCommand)
export class DataSubjectRequestCommandHandler implements ICommandHandler<ExecuteDataSubjectRequestCommand> {
  constructor(
    private readonly executor: DeciderExecutor,
    private readonly requesters: RequesterPrivacy,
  ) {}

  async execute({ command, meta }: ExecuteDataSubjectRequestCommand): Promise<DataSubjectRequestWritten> {
    const { state, write } = await this.executor.execute(dataSubjectRequestDecider, dataSubjectRequestStream(command.data.requestId), command, meta, {
      newStream: command.type === 'ReceiveDataSubjectRequest',
      sealPersonalData: this.requesters.sealerFor(meta.tenantId),
    });
    return { request: state as DataSubjectRequest, write };
  }
}
