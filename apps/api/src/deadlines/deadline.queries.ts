import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { SqlClient } from '@ledger/event-store';
import { type DeadlineFilter, type DeadlineRecord, listDeadlines, type Page } from '@ledger/projections';
import { type Clock, CLOCK, SQL_CLIENT } from '../ledger/ledger.tokens';

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
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ tenantId, filter }: ListDeadlines) {
    return listDeadlines(this.sql, tenantId, filter, this.clock());
  }
}
