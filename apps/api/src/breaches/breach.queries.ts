import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type BreachFilter, type BreachRecord, findBreach, listBreaches, type Page } from '@ledger/projections';
import { TenantReads } from '../ledger/tenant-reads';

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
  constructor(private readonly reads: TenantReads) {}
  execute({ tenantId, breachId }: GetBreach) {
    return this.reads.as(tenantId, (tx) => findBreach(tx, tenantId, breachId));
  }
}

@QueryHandler(ListBreaches)
export class ListBreachesHandler implements IQueryHandler<ListBreaches> {
  constructor(private readonly reads: TenantReads) {}
  execute({ tenantId, filter }: ListBreaches) {
    return this.reads.as(tenantId, (tx) => listBreaches(tx, tenantId, filter));
  }
}
