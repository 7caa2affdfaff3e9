import { Inject } from '@nestjs/common';
import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { EventStore, SqlClient } from '@ledger/event-store';
import { FieldSealer } from '@ledger/privacy';
import { leafIndexes } from '@ledger/projections';
import { GraphQLJSONObject } from 'graphql-scalars';
import { EVENT_STORE, SQL_CLIENT } from '../ledger/ledger.tokens';
import { LedgerEvent, ledgerEventOf } from '../ledger/ledger.types';
import { Ledger, type RequestContext } from '../ledger/request-context';

@Resolver(() => LedgerEvent)
export class HistoryResolver {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    private readonly sealer: FieldSealer,
  ) {}

  @Query(() => [LedgerEvent], {
    description: 'Every event of a stream, in order, with its full envelope (who, when, why), its hash and its Merkle leaf.',
  })
  async history(@Args('stream') stream: string, @Ledger() ctx: RequestContext): Promise<LedgerEvent[]> {
    const events = await this.store.readStream(ctx.tenantId, stream);
    const leaves = await leafIndexes(this.sql, ctx.tenantId, events.map((e) => e.eventId));
    return events.map((event) => ledgerEventOf(event, leaves.get(event.eventId) ?? null));
  }

  /** Opened on demand: `data` stays the stored bytes, so that anyone can recompute the hash chain from it. */
  @ResolveField(() => GraphQLJSONObject, {
    description:
      'data with its personal data readable: every sealed field opened, or shown as { erased: true, subject } once its subject is erased (Art. 17). `data` is the stored, hashed form.',
  })
  openedData(@Parent() event: LedgerEvent): Promise<unknown> {
    return this.sealer.openAll(event.metadata.tenantId, event.data);
  }
}
