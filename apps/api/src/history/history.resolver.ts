import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import type { EventStore, SqlClient } from '@ledger/event-store';
import { leafIndexes } from '@ledger/projections';
import { EVENT_STORE, SQL_CLIENT } from '../ledger/ledger.tokens';
import { LedgerEvent, ledgerEventOf } from '../ledger/ledger.types';
import { Ledger, type RequestContext } from '../ledger/request-context';

@Resolver()
export class HistoryResolver {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
  ) {}

  @Query(() => [LedgerEvent], {
    description: 'Every event of a stream, in order, with its full envelope (who, when, why), its hash and its Merkle leaf.',
  })
  async history(@Args('stream') stream: string, @Ledger() ctx: RequestContext): Promise<LedgerEvent[]> {
    const events = await this.store.readStream(ctx.tenantId, stream);
    const leaves = await leafIndexes(this.sql, ctx.tenantId, events.map((e) => e.eventId));
    return events.map((event) => ledgerEventOf(event, leaves.get(event.eventId) ?? null));
  }
}
