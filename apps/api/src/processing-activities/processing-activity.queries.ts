import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { findProcessingActivity, listRegister, type Page, type ProcessingActivityRecord, type RegisterFilter } from '@ledger/projections';
import { TenantReads } from '../ledger/tenant-reads';

export class GetProcessingActivity extends Query<ProcessingActivityRecord | null> {
  constructor(
    readonly tenantId: string,
    readonly processingActivityId: string,
  ) {
    super();
  }
}

export class ListRegister extends Query<Page<ProcessingActivityRecord>> {
  constructor(
    readonly tenantId: string,
    readonly filter: RegisterFilter,
  ) {
    super();
  }
}

@QueryHandler(GetProcessingActivity)
export class GetProcessingActivityHandler implements IQueryHandler<GetProcessingActivity> {
  constructor(private readonly reads: TenantReads) {}
  execute({ tenantId, processingActivityId }: GetProcessingActivity) {
    return this.reads.as(tenantId, (tx) => findProcessingActivity(tx, tenantId, processingActivityId));
  }
}

@QueryHandler(ListRegister)
export class ListRegisterHandler implements IQueryHandler<ListRegister> {
  constructor(private readonly reads: TenantReads) {}
  execute({ tenantId, filter }: ListRegister) {
    return this.reads.as(tenantId, (tx) => listRegister(tx, tenantId, filter));
  }
}
