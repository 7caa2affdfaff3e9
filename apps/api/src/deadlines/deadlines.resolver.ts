import { Args, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { DEADLINE_ARTICLES } from '@ledger/domain';
import type { DeadlineRecord } from '@ledger/projections';
import { connectionOf } from '../ledger/connection';
import { Ledger, type RequestContext } from '../ledger/request-context';
import { DeadlinesArgs } from './deadline.inputs';
import { ListDeadlines } from './deadline.queries';
import { DeadlineConnection, DeadlineType } from './deadline.types';
import { Allow, READERS } from '../access/policy';

function toType(record: DeadlineRecord): DeadlineType {
  return { ...record, id: record.obligationId, article: DEADLINE_ARTICLES[record.kind], met: record.metAt !== null };
}

@Resolver(() => DeadlineType)
export class DeadlinesResolver {
  constructor(private readonly queries: QueryBus) {}

  @Allow(...READERS)
  @Query(() => DeadlineConnection, { description: 'Open obligations (and, with includeMet, met ones), soonest due first, a page at a time.' })
  async deadlines(@Args() args: DeadlinesArgs, @Ledger() ctx: RequestContext): Promise<DeadlineConnection> {
    return connectionOf(await this.queries.execute(new ListDeadlines(ctx.tenantId, args)), toType);
  }
}
