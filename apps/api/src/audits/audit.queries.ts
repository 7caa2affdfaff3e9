import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { findQuestionnaireTemplate } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import {
  citationStaleness,
  findAudit,
  listAuditAnswers,
  listAuditFindings,
  listAudits,
  type AuditFilter,
  type AuditFindingRecord,
  type AuditRecord,
  type Page,
} from '@ledger/projections';
import { EVENT_STORE } from '../ledger/ledger.tokens';
import { TenantReads } from '../ledger/tenant-reads';
import type { AuditQuestionType } from './audit.types';

export class GetAudit extends Query<AuditRecord | null> {
  constructor(
    readonly tenantId: string,
    readonly auditId: string,
  ) {
    super();
  }
}

export class ListAudits extends Query<Page<AuditRecord>> {
  constructor(
    readonly tenantId: string,
    readonly filter: AuditFilter,
  ) {
    super();
  }
}

/** The audit's questions in template order, each with its answer, provenance and staleness. */
export class GetAuditQuestions extends Query<AuditQuestionType[]> {
  constructor(
    readonly tenantId: string,
    readonly audit: Pick<AuditRecord, 'auditId' | 'templateId' | 'questionIds' | 'atPoint'>,
  ) {
    super();
  }
}

export class GetAuditFindings extends Query<AuditFindingRecord[]> {
  constructor(
    readonly tenantId: string,
    readonly auditId: string,
  ) {
    super();
  }
}

@QueryHandler(GetAudit)
export class GetAuditHandler implements IQueryHandler<GetAudit> {
  constructor(private readonly reads: TenantReads) {}
  execute({ tenantId, auditId }: GetAudit) {
    return this.reads.as(tenantId, (tx) => findAudit(tx, tenantId, auditId));
  }
}

@QueryHandler(ListAudits)
export class ListAuditsHandler implements IQueryHandler<ListAudits> {
  constructor(private readonly reads: TenantReads) {}
  execute({ tenantId, filter }: ListAudits) {
    return this.reads.as(tenantId, (tx) => listAudits(tx, tenantId, filter));
  }
}

@QueryHandler(GetAuditFindings)
export class GetAuditFindingsHandler implements IQueryHandler<GetAuditFindings> {
  constructor(private readonly reads: TenantReads) {}
  execute({ tenantId, auditId }: GetAuditFindings) {
    return this.reads.as(tenantId, (tx) => listAuditFindings(tx, tenantId, auditId));
  }
}

@QueryHandler(GetAuditQuestions)
export class GetAuditQuestionsHandler implements IQueryHandler<GetAuditQuestions> {
  constructor(
    private readonly reads: TenantReads,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ tenantId, audit }: GetAuditQuestions): Promise<AuditQuestionType[]> {
    const questions = new Map(findQuestionnaireTemplate(audit.templateId)?.questions.map((q) => [q.questionId, q]));
    const answers = new Map((audit.atPoint?.answers ?? (await this.reads.as(tenantId, (tx) => listAuditAnswers(tx, tenantId, audit.auditId)))).map((a) => [a.questionId, a]));
    const staleness = citationStaleness(this.store, tenantId);
    return Promise.all(
      audit.questionIds.map(async (id) => {
        const question = questions.get(id);
        const answer = answers.get(id);
        const cites = answer ? (await staleness(answer.cites)).map((c) => ({ ...c, stale: c.staleSince !== null })) : [];
        return {
          id,
          topic: question?.topic ?? 'AUDITS',
          article: question?.article ?? '',
          text: question?.text ?? id,
          answer: answer ? { ...answer, cites, stale: cites.some((c) => c.stale) } : null,
        };
      }),
    );
  }
}
