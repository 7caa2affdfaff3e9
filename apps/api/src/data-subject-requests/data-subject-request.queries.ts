import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { SqlClient } from '@ledger/event-store';
import {
  type DataSubjectRequestFilter,
  type DataSubjectRequestRecord,
  findDataSubjectRequest,
  listDataSubjectRequests,
  type Page,
} from '@ledger/projections';
import { type Clock, CLOCK, SQL_CLIENT } from '../ledger/ledger.tokens';

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
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}
  execute({ tenantId, requestId }: GetDataSubjectRequest) {
    return findDataSubjectRequest(this.sql, tenantId, requestId);
  }
}

/** "Overdue" depends on when one asks: the service clock decides, as it does for every command. */
@QueryHandler(ListDataSubjectRequests)
export class ListDataSubjectRequestsHandler implements IQueryHandler<ListDataSubjectRequests> {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  execute({ tenantId, filter }: ListDataSubjectRequests) {
    return listDataSubjectRequests(this.sql, tenantId, filter, this.clock());
  }
}
