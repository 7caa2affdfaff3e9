import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  controllerAgreementOf,
  dpaDecider,
  dpaStream,
  type Subprocessor,
  type SubprocessorCommand,
  subprocessorDecider,
  subprocessorStream,
} from '@ledger/domain';
import type { AppendResult } from '@ledger/event-store';
import { type CommandMeta, DeciderExecutor } from '../ledger/decider-executor';

type WithoutAgreement<C> = C extends { type: infer T; data: infer D extends { agreement: unknown } } ? { type: T; data: Omit<D, 'agreement'> } : C;

/** What the API asks for: the controller's agreement is loaded here, not sent. */
export type SubprocessorRequest = WithoutAgreement<SubprocessorCommand>;

export interface SubprocessorWritten {
  subprocessor: Subprocessor;
  write: AppendResult;
}

export class ExecuteSubprocessorCommand extends Command<SubprocessorWritten> {
  constructor(
    readonly request: SubprocessorRequest,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(ExecuteSubprocessorCommand)
export class SubprocessorCommandHandler implements ICommandHandler<ExecuteSubprocessorCommand> {
  constructor(private readonly executor: DeciderExecutor) {}

  async execute({ request, meta }: ExecuteSubprocessorCommand): Promise<SubprocessorWritten> {
    const command = await this.complete(request, meta.tenantId);
    const { state, write } = await this.executor.execute(subprocessorDecider, subprocessorStream(command.data.subprocessorId), command, meta, {
      newStream: command.type === 'ProposeSubprocessor',
    });
    return { subprocessor: state as Subprocessor, write };
  }

  /** Rules on a controller's decision depend on its agreement (authorisation mode, objection window): load it. */
  private async complete(request: SubprocessorRequest, tenantId: string): Promise<SubprocessorCommand> {
    if (request.type === 'ProposeSubprocessor' || request.type === 'RemoveSubprocessor') return request;
    const agreement = await this.executor.load(dpaDecider, tenantId, dpaStream(request.data.controllerId));
    return { ...request, data: { ...request.data, agreement: controllerAgreementOf(agreement) } } as SubprocessorCommand;
  }
}
