import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { findInstruction, InstructionFilter, InstructionRecord, listInstructions, Page } from '@ledger/projections';
import { TenantReads } from '../ledger/tenant-reads';

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
  constructor(private readonly reads: TenantReads) {}
  execute({ tenantId, instructionId }: GetInstruction) {
    return this.reads.as(tenantId, (tx) => findInstruction(tx, tenantId, instructionId));
  }
}

@QueryHandler(ListInstructions)
export class ListInstructionsHandler implements IQueryHandler<ListInstructions> {
  constructor(private readonly reads: TenantReads) {}
  execute({ tenantId, filter }: ListInstructions) {
    return this.reads.as(tenantId, (tx) => listInstructions(tx, tenantId, filter));
  }
}
