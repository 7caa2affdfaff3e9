import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { SqlClient } from '@ledger/event-store';
import { findInstruction, InstructionFilter, InstructionRecord, listInstructions, Page } from '@ledger/projections';
import { SQL_CLIENT } from '../ledger/ledger.tokens';

export class GetInstruction extends Query<InstructionRecord | null> {
  constructor(
    readonly tenantId: string,
    readonly instructionId: string,
  ) {
    super();
  }
}

export class ListInstructions extends Query<Page<InstructionRecord>> {
  constructor(
    readonly tenantId: string,
    readonly filter: InstructionFilter,
  ) {
    super();
  }
}

@QueryHandler(GetInstruction)
export class GetInstructionHandler implements IQueryHandler<GetInstruction> {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}
  execute({ tenantId, instructionId }: GetInstruction) {
    return findInstruction(this.sql, tenantId, instructionId);
  }
}

@QueryHandler(ListInstructions)
export class ListInstructionsHandler implements IQueryHandler<ListInstructions> {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}
  execute({ tenantId, filter }: ListInstructions) {
    return listInstructions(this.sql, tenantId, filter);
  }
}
