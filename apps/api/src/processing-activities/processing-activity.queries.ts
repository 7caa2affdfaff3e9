import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { SqlClient } from '@ledger/event-store';
import { findProcessingActivity, listRegister, type Page, type ProcessingActivityRecord, type RegisterFilter } from '@ledger/projections';
import { SQL_CLIENT } from '../ledger/ledger.tokens';

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
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}
  execute({ tenantId, processingActivityId }: GetProcessingActivity) {
    return findProcessingActivity(this.sql, tenantId, processingActivityId);
  }
}

@QueryHandler(ListRegister)
export class ListRegisterHandler implements IQueryHandler<ListRegister> {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}
  execute({ tenantId, filter }: ListRegister) {
    return listRegister(this.sql, tenantId, filter);
  }
}
