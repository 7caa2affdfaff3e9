import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  type DataSubjectRequestFilter,
  type DataSubjectRequestRecord,
  findDataSubjectRequest,
  listDataSubjectRequests,
  type Page,
} from '@ledger/projections';
import { type Clock, CLOCK } from '../ledger/ledger.tokens';
import { TenantReads } from '../ledger/tenant-reads';

export class GetDataSubjectRequest extends Query<DataSubjectRequestRecord | null> {
  constructor(
    readonly tenantId: string,
    readonly requestId: string,
  ) {
    super();
  }
}

export class ListDataSubjectRequests extends Query<Page<DataSubjectRequestRecord>> {
  constructor(
    readonly tenantId: string,
    readonly filter: DataSubjectRequestFilter,
  ) {
    super();
  }
}

@QueryHandler(GetDataSubjectRequest)
export class GetDataSubjectRequestHandler implements IQueryHandler<GetDataSubjectRequest> {
  constructor(private readonly reads: TenantReads) {}
  execute({ tenantId, requestId }: GetDataSubjectRequest) {
    return this.reads.as(tenantId, (tx) => findDataSubjectRequest(tx, tenantId, requestId));
  }
}

/** "Overdue" depends on when one asks: the service clock decides, as it does for every command. */
@QueryHandler(ListDataSubjectRequests)
export class ListDataSubjectRequestsHandler implements IQueryHandler<ListDataSubjectRequests> {
  constructor(
    private readonly reads: TenantReads,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  execute({ tenantId, filter }: ListDataSubjectRequests) {
    return this.reads.as(tenantId, (tx) => listDataSubjectRequests(tx, tenantId, filter, this.clock()));
  }
}
