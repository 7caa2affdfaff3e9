import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler, Command } from '@nestjs/cqrs';
import { type AuditCommand, auditDecider, auditStream, findQuestionnaireTemplate, type AnswerAudit, type RequestAudit } from '@ledger/domain';
import type { AppendResult, EventStore } from '@ledger/event-store';
import { latestAuditAnswers } from '@ledger/projections';
import { type CommandMeta, DeciderExecutor } from '../ledger/decider-executor';
import { EVENT_STORE } from '../ledger/ledger.tokens';
import { TenantReads } from '../ledger/tenant-reads';

/** What the API asks for: the template, the answers to reuse and the cited revisions are loaded here. */
export type AuditRequest =
  | Exclude<AuditCommand, RequestAudit | AnswerAudit>
  | { type: 'RequestAudit'; data: Omit<RequestAudit['data'], 'template' | 'latestAnswers'> }
  | { type: 'AnswerAudit'; data: Omit<AnswerAudit['data'], 'cites'> & { cites: string[] } };

export interface AuditWritten {
  auditId: string;
  write: AppendResult;
}

export class ExecuteAuditCommand extends Command<AuditWritten> {
  constructor(
    readonly request: AuditRequest,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(ExecuteAuditCommand)
export class AuditCommandHandler implements ICommandHandler<ExecuteAuditCommand> {
  constructor(
    private readonly executor: DeciderExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reads: TenantReads,
  ) {}

  /** The audit id comes from the resulting state: a retried request carries a fresh id but gets the first audit back. */
  async execute({ request, meta }: ExecuteAuditCommand): Promise<AuditWritten> {
    const command = await this.complete(request, meta.tenantId);
    const { state, write } = await this.executor.execute(auditDecider, auditStream(command.data.auditId), command, meta, {
      newStream: command.type === 'RequestAudit',
    });
    return { auditId: state.status === 'NONE' ? command.data.auditId : state.auditId, write };
  }

  private async complete(request: AuditRequest, tenantId: string): Promise<AuditCommand> {
    switch (request.type) {
      case 'RequestAudit':
        // The read model is current for this caller: every mutation answers only once the
        // projections show its write, so the latest answers include the caller's own.
        return {
          type: 'RequestAudit',
          data: { ...request.data, template: findQuestionnaireTemplate(request.data.templateId), latestAnswers: await this.reads.as(tenantId, (tx) => latestAuditAnswers(tx, tenantId)) },
        };
      case 'AnswerAudit': {
        const cites = await Promise.all(
          [...new Set(request.data.cites)].map(async (stream) => ({ stream, revision: (await this.store.readStream(tenantId, stream)).at(-1)?.revision ?? null })),
        );
        return { type: 'AnswerAudit', data: { ...request.data, cites } };
      }
      default:
        return request;
    }
  }
}
