import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type DpaFilter, type DpaRecord, findDataProcessingAgreement, listDataProcessingAgreements, type Page } from '@ledger/projections';
import { TenantReads } from '../ledger/tenant-reads';

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
  constructor(private readonly reads: TenantReads) {}
  execute({ tenantId, controllerId }: GetDataProcessingAgreement) {
    return this.reads.as(tenantId, (tx) => findDataProcessingAgreement(tx, tenantId, controllerId));
  }
}

@QueryHandler(ListDataProcessingAgreements)
export class ListDataProcessingAgreementsHandler implements IQueryHandler<ListDataProcessingAgreements> {
  constructor(private readonly reads: TenantReads) {}
  execute({ tenantId, filter }: ListDataProcessingAgreements) {
    return this.reads.as(tenantId, (tx) => listDataProcessingAgreements(tx, tenantId, filter));
  }
}
