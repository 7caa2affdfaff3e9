import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import type { EventStore } from '@ledger/event-store';
import { EVENT_STORE } from '../ledger/ledger.tokens';
import { LedgerEvent, ledgerEventOf } from '../ledger/ledger.types';
import { Ledger, type RequestContext } from '../ledger/request-context';

@Resolver()
export class HistoryResolver {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Query(() => [LedgerEvent], { description: 'Every event of a stream, in order, with its full envelope: who, when, why, and its hash.' })
  async history(@Args('stream') stream: string, @Ledger() ctx: RequestContext): Promise<LedgerEvent[]> {
    return (await this.store.readStream(ctx.tenantId, stream)).map(ledgerEventOf);
  }
}
