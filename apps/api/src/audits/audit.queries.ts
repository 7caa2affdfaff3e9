import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { findQuestionnaireTemplate } from '@ledger/domain';
import type { EventStore, SqlClient } from '@ledger/event-store';
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
import { EVENT_STORE, SQL_CLIENT } from '../ledger/ledger.tokens';
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
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}
  execute({ tenantId, auditId }: GetAudit) {
    return findAudit(this.sql, tenantId, auditId);
  }
}

@QueryHandler(ListAudits)
export class ListAuditsHandler implements IQueryHandler<ListAudits> {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}
  execute({ tenantId, filter }: ListAudits) {
    return listAudits(this.sql, tenantId, filter);
  }
}

@QueryHandler(GetAuditFindings)
export class GetAuditFindingsHandler implements IQueryHandler<GetAuditFindings> {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}
  execute({ tenantId, auditId }: GetAuditFindings) {
    return listAuditFindings(this.sql, tenantId, auditId);
  }
}

@QueryHandler(GetAuditQuestions)
export class GetAuditQuestionsHandler implements IQueryHandler<GetAuditQuestions> {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ tenantId, audit }: GetAuditQuestions): Promise<AuditQuestionType[]> {
    const questions = new Map(findQuestionnaireTemplate(audit.templateId)?.questions.map((q) => [q.questionId, q]));
    const answers = new Map((audit.atPoint?.answers ?? (await listAuditAnswers(this.sql, tenantId, audit.auditId))).map((a) => [a.questionId, a]));
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
