import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { SqlClient } from '@ledger/event-store';
import { type DpaFilter, type DpaRecord, findDataProcessingAgreement, listDataProcessingAgreements, type Page } from '@ledger/projections';
import { SQL_CLIENT } from '../ledger/ledger.tokens';

export class GetDataProcessingAgreement extends Query<DpaRecord | null> {
  constructor(
    readonly tenantId: string,
    readonly controllerId: string,
  ) {
    super();
  }
}

export class ListDataProcessingAgreements extends Query<Page<DpaRecord>> {
  constructor(
    readonly tenantId: string,
    readonly filter: DpaFilter,
  ) {
    super();
  }
}

@QueryHandler(GetDataProcessingAgreement)
export class GetDataProcessingAgreementHandler implements IQueryHandler<GetDataProcessingAgreement> {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}
  execute({ tenantId, controllerId }: GetDataProcessingAgreement) {
    return findDataProcessingAgreement(this.sql, tenantId, controllerId);
  }
}

@QueryHandler(ListDataProcessingAgreements)
export class ListDataProcessingAgreementsHandler implements IQueryHandler<ListDataProcessingAgreements> {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}
  execute({ tenantId, filter }: ListDataProcessingAgreements) {
    return listDataProcessingAgreements(this.sql, tenantId, filter);
  }
}
