import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { authorisationFor, controllerAgreementOf, type ControllerAuthorisation, dpaDecider } from '@ledger/domain';
import {
  findDataProcessingAgreement,
  findSubprocessor,
  listSubprocessors,
  type Page,
  pointOf,
  type SubprocessorFilter,
  type SubprocessorRecord,
} from '@ledger/projections';
import { type Clock, CLOCK } from '../ledger/ledger.tokens';
import { TenantReads } from '../ledger/tenant-reads';

export interface ControllerSubprocessor {
  subprocessor: SubprocessorRecord;
  authorisation: ControllerAuthorisation;
}

export class GetSubprocessor extends Query<SubprocessorRecord | null> {
  constructor(
    readonly tenantId: string,
    readonly subprocessorId: string,
  ) {
    super();
  }
}

export class ListSubprocessorsForController extends Query<Page<ControllerSubprocessor>> {
  constructor(
    readonly tenantId: string,
    readonly controllerId: string,
    readonly page: SubprocessorFilter,
  ) {
    super();
  }
}

@QueryHandler(GetSubprocessor)
export class GetSubprocessorHandler implements IQueryHandler<GetSubprocessor> {
  constructor(private readonly reads: TenantReads) {}
  execute({ tenantId, subprocessorId }: GetSubprocessor) {
    return this.reads.as(tenantId, (tx) => findSubprocessor(tx, tenantId, subprocessorId));
  }
}

/** The list with each sub-processor's state for one controller, derived now (or at asOf) from its agreement's terms then. */
@QueryHandler(ListSubprocessorsForController)
export class ListSubprocessorsForControllerHandler implements IQueryHandler<ListSubprocessorsForController> {
  constructor(
    private readonly reads: TenantReads,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ tenantId, controllerId, page }: ListSubprocessorsForController): Promise<Page<ControllerSubprocessor>> {
    // At a point in time, the agreement is read at the same log prefix and states are judged at asOf.
    const { point, list, dpa } = await this.reads.as(tenantId, async (tx) => {
      const point = await pointOf(tx, page);
      const list = await listSubprocessors(tx, tenantId, page, point);
      return { point, list, dpa: await findDataProcessingAgreement(tx, tenantId, controllerId, point) };
    });
    const agreement = controllerAgreementOf(dpa ?? dpaDecider.initialState);
    const now = point?.asOf ?? this.clock();
    return {
      ...list,
      edges: list.edges.map(({ node, cursor }) => ({
        cursor,
        node: { subprocessor: node, authorisation: authorisationFor(node, controllerId, agreement, now) },
      })),
    };
  }
}
