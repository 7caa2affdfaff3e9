import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import type { AuditRecord } from '@ledger/projections';
import { v7 as uuidv7 } from 'uuid';
import { connectionOf } from '../ledger/connection';
import { CommandSender } from '../ledger/command-sender';
import type { CommandInput } from '../ledger/command.input';
import { Ledger, type RequestContext } from '../ledger/request-context';
import { type AuditRequest, ExecuteAuditCommand } from './audit.commands';
import { AnswerAuditInput, AuditsArgs, CloseAuditInput, RaiseAuditFindingInput, RequestAuditInput, SubmitAuditInput } from './audit.inputs';
import { GetAudit, GetAuditFindings, GetAuditQuestions, ListAudits } from './audit.queries';
import { AuditConnection, AuditFindingType, AuditPayload, AuditQuestionType, AuditType } from './audit.types';
import { Allow, READERS, RecordOf } from '../access/policy';

/** Kept on the GraphQL object so that `questions` knows which template and ids to show, and, read at a point, the answers and findings then. */
type AuditNode = AuditType & Pick<AuditRecord, 'questionIds' | 'atPoint'>;

function toType(audit: AuditRecord): AuditNode {
  return { ...audit, id: audit.auditId, questionCount: audit.questionIds.length };
}

@Resolver(() => AuditType)
export class AuditsResolver {
  constructor(
    private readonly commands: CommandSender,
    private readonly queries: QueryBus,
  ) {}

  @Allow('processor', 'controller')
  @Mutation(() => AuditPayload, { description: 'A controller asks for an audit (Art. 28(3)(h)); answers are pre-filled from the latest earlier ones.' })
  requestAudit(@Args('input') input: RequestAuditInput, @Ledger() ctx: RequestContext) {
    const { controllerId, templateId, dueAt } = input;
    return this.run(ctx, input, { type: 'RequestAudit', data: { auditId: uuidv7(), controllerId, templateId, dueAt, occurredAt: input.occurredAt ?? new Date() } });
  }

  @Allow('processor')
  @Mutation(() => AuditPayload, { description: 'Answer one question of an open audit, with evidence fingerprints and the ledger facts it rests on.' })
  answerAudit(@Args('input') input: AnswerAuditInput, @Ledger() ctx: RequestContext) {
    const { auditId, questionId, answer, cites } = input;
    const evidence = input.evidence.map(({ name, sha256 }) => ({ name, sha256 }));
    return this.run(ctx, input, { type: 'AnswerAudit', data: { auditId, questionId, answer, evidence, cites, occurredAt: input.occurredAt ?? new Date() } });
  }

  @Allow('processor')
  @Mutation(() => AuditPayload)
  submitAudit(@Args('input') input: SubmitAuditInput, @Ledger() ctx: RequestContext) {
    return this.run(ctx, input, { type: 'SubmitAudit', data: { auditId: input.auditId, occurredAt: input.occurredAt ?? new Date() } });
  }

  @Allow('processor', 'controller')
  @RecordOf('audit', 'auditId')
  @Mutation(() => AuditPayload)
  raiseAuditFinding(@Args('input') input: RaiseAuditFindingInput, @Ledger() ctx: RequestContext) {
    const { auditId, text, severity, questionId } = input;
    return this.run(ctx, input, {
      type: 'RaiseAuditFinding',
      data: { auditId, findingId: uuidv7(), text, severity, questionId: questionId ?? null, occurredAt: input.occurredAt ?? new Date() },
    });
  }

  @Allow('processor', 'controller')
  @RecordOf('audit', 'auditId')
  @Mutation(() => AuditPayload)
  closeAudit(@Args('input') input: CloseAuditInput, @Ledger() ctx: RequestContext) {
    return this.run(ctx, input, { type: 'CloseAudit', data: { auditId: input.auditId, conclusion: input.conclusion ?? null, occurredAt: input.occurredAt ?? new Date() } });
  }

  @Allow(...READERS)
  @RecordOf('audit', 'id')
  @Query(() => AuditType, { nullable: true })
  async audit(@Args('id', { type: () => ID }) id: string, @Ledger() ctx: RequestContext) {
    const record = await this.queries.execute(new GetAudit(ctx.tenantId, id));
    return record && toType(record);
  }

  @Allow(...READERS)
  @Query(() => AuditConnection, { description: 'Audits in the order they were requested, filtered, a page at a time.' })
  async audits(@Args() args: AuditsArgs, @Ledger() ctx: RequestContext): Promise<AuditConnection> {
    const page = await this.queries.execute(new ListAudits(ctx.tenantId, args));
    return connectionOf(page, toType);
  }

  @ResolveField(() => [AuditQuestionType], { description: 'The questions in template order, each with its answer (provenance, staleness), if any.' })
  questions(@Parent() audit: AuditNode, @Ledger() ctx: RequestContext) {
    return this.queries.execute(
      new GetAuditQuestions(ctx.tenantId, { auditId: audit.id, templateId: audit.templateId, questionIds: audit.questionIds, atPoint: audit.atPoint }),
    );
  }

  @ResolveField(() => [AuditFindingType])
  async findings(@Parent() audit: AuditNode, @Ledger() ctx: RequestContext): Promise<AuditFindingType[]> {
    const findings = audit.atPoint?.findings ?? (await this.queries.execute(new GetAuditFindings(ctx.tenantId, audit.id)));
    return findings.map((f) => ({ ...f, id: f.findingId }));
  }

  /** Answers from the read model, which the sender has waited for: it holds the actor and the pre-filled provenance. */
  private async run(ctx: RequestContext, input: CommandInput, request: AuditRequest): Promise<AuditPayload> {
    const { auditId, ledger } = await this.commands.send(ctx, input, (meta) => new ExecuteAuditCommand(request, meta));
    const record = await this.queries.execute(new GetAudit(ctx.tenantId, auditId));
    // Only when the projections did not catch up within the sender's wait: the write itself stands.
    if (!record) throw new Error(`audit ${auditId} was written (${ledger.stream}) but the audits register has not caught up yet`);
    return { audit: toType(record), ledger };
  }
}
