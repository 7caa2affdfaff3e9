import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { type ConsentCommand, consentDecider, consentStream } from '@ledger/domain';
import type { AppendResult } from '@ledger/event-store';
import { type CommandMeta, DeciderExecutor } from '../ledger/decider-executor';
import { ConsentSubjectPrivacy } from './consent-subject-privacy';

export interface ContactFactWritten {
  write: AppendResult;
}

export class ExecuteConsentCommand extends Command<ContactFactWritten> {
  constructor(
    readonly command: ConsentCommand,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(ExecuteConsentCommand)
export class ConsentCommandHandler implements ICommandHandler<ExecuteConsentCommand> {
  constructor(
    private readonly executor: DeciderExecutor,
    private readonly subjects: ConsentSubjectPrivacy,
  ) {}

  async execute({ command, meta }: ExecuteConsentCommand): Promise<ContactFactWritten> {
    const { write } = await this.executor.execute(consentDecider, consentStream(command.data.subjectId), command, meta, {
      sealPersonalData: this.subjects.sealerFor(meta.tenantId),
    });
    return { write };
  }
}
