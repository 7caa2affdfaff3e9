import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { SqlClient } from '@ledger/event-store';
import { type BreachFilter, type BreachRecord, findBreach, listBreaches, type Page } from '@ledger/projections';
import { SQL_CLIENT } from '../ledger/ledger.tokens';

export class GetBreach extends Query<BreachRecord | null> {
  constructor(
    readonly tenantId: string,
    readonly breachId: string,
  ) {
    super();
  }
}

export class ListBreaches extends Query<Page<BreachRecord>> {
  constructor(
    readonly tenantId: string,
    readonly filter: BreachFilter,
  ) {
    super();
  }
}

@QueryHandler(GetBreach)
export class GetBreachHandler implements IQueryHandler<GetBreach> {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}
  execute({ tenantId, breachId }: GetBreach) {
    return findBreach(this.sql, tenantId, breachId);
  }
}

@QueryHandler(ListBreaches)
export class ListBreachesHandler implements IQueryHandler<ListBreaches> {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}
  execute({ tenantId, filter }: ListBreaches) {
    return listBreaches(this.sql, tenantId, filter);
  }
}
