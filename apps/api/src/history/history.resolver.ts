import { Inject } from '@nestjs/common';
import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { EventStore } from '@ledger/event-store';
import { FieldSealer } from '@ledger/privacy';
import { GraphQLJSONObject } from 'graphql-scalars';
import { type Connection, connectionOf } from '../ledger/connection';
import { EVENT_STORE } from '../ledger/ledger.tokens';
import { LedgerEvent } from '../ledger/ledger.types';
import { Ledger, type RequestContext } from '../ledger/request-context';
import { RecordHistoryArgs } from './history.inputs';
import { HistoryService } from './history.service';
import { EventCauses, LedgerEventConnection } from './history.types';
import { Allow, READERS } from '../access/policy';

@Resolver(() => LedgerEvent)
export class HistoryResolver {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly records: HistoryService,
    private readonly sealer: FieldSealer,
  ) {}

  @Allow(...READERS)
  @Query(() => [LedgerEvent], {
    description:
      'Every event of a stream, in order, with its full envelope (who, when, why), its hash and its Merkle leaf, in one list. recordHistory filters and pages.',
  })
  async history(@Args('stream') stream: string, @Ledger() ctx: RequestContext): Promise<LedgerEvent[]> {
    return this.records.withLeaves(ctx.tenantId, await this.store.readStream(ctx.tenantId, stream));
  }

  @Allow(...READERS)
  @Query(() => LedgerEventConnection, {
    description:
      "A record's events for an auditor, by stream or by kind and id: filtered by type and by business (occurredAt) or recording (recordedAt) time, in stream order, a page at a time; ask each event's `causes` for what led to it.",
  })
  async recordHistory(@Args() args: RecordHistoryArgs, @Ledger() ctx: RequestContext): Promise<Connection<LedgerEvent>> {
    return connectionOf(await this.records.page(ctx.tenantId, args), (event) => event);
  }

  @ResolveField(() => EventCauses, { description: 'What led to this event: its causation and correlation ids resolved to events of the ledger.' })
  causes(@Parent() event: LedgerEvent): Promise<EventCauses> {
    return this.records.causes(event);
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
