import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type DeadlineFilter, type DeadlineRecord, listDeadlines, type Page } from '@ledger/projections';
import { type Clock, CLOCK } from '../ledger/ledger.tokens';
import { TenantReads } from '../ledger/tenant-reads';

export class ListDeadlines extends Query<Page<DeadlineRecord>> {
  constructor(
    readonly tenantId: string,
    readonly filter: DeadlineFilter,
  ) {
    super();
  }
}

/** "Overdue" depends on when one asks: the service clock decides, as it does for every command. */
@QueryHandler(ListDeadlines)
export class ListDeadlinesHandler implements IQueryHandler<ListDeadlines> {
  constructor(
    private readonly reads: TenantReads,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ tenantId, filter }: ListDeadlines) {
    return this.reads.as(tenantId, (tx) => listDeadlines(tx, tenantId, filter, this.clock()));
  }
}
