import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { authorisationFor, controllerAgreementOf, type ControllerAuthorisation, dpaDecider } from '@ledger/domain';
import type { SqlClient } from '@ledger/event-store';
import {
  findDataProcessingAgreement,
  findSubprocessor,
  listSubprocessors,
  type Page,
  pointOf,
  type SubprocessorFilter,
  type SubprocessorRecord,
} from '@ledger/projections';
import { type Clock, CLOCK, SQL_CLIENT } from '../ledger/ledger.tokens';

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
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}
  execute({ tenantId, subprocessorId }: GetSubprocessor) {
    return findSubprocessor(this.sql, tenantId, subprocessorId);
  }
}

/** The list with each sub-processor's state for one controller, derived now (or at asOf) from its agreement's terms then. */
@QueryHandler(ListSubprocessorsForController)
export class ListSubprocessorsForControllerHandler implements IQueryHandler<ListSubprocessorsForController> {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ tenantId, controllerId, page }: ListSubprocessorsForController): Promise<Page<ControllerSubprocessor>> {
    // At a point in time, the agreement is read at the same log prefix and states are judged at asOf.
    const point = await pointOf(this.sql, page);
    const [list, dpa] = await Promise.all([
      listSubprocessors(this.sql, tenantId, page, point),
      findDataProcessingAgreement(this.sql, tenantId, controllerId, point),
    ]);
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
