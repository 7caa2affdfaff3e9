import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { type Decider, DomainError, type DomainEvent, fold } from '@ledger/domain';
import { type AppendResult, ConcurrencyConflictError, deserialise, type EventStore, NO_STREAM, type RecordedEvent } from '@ledger/event-store';
import { LedgerMetrics } from '../observability/ledger-metrics';
import { outcomeOf } from '../observability/outcome';
import { type Clock, CLOCK, EVENT_STORE } from './ledger.tokens';
import { RequestContext } from './request-context';

export interface CommandMeta extends RequestContext {
  commandId: string;
}

export interface ExecuteOptions<E> {
  /** The stream is named after an id minted for this command, so it cannot exist yet. */
  newStream?: boolean;
  /**
   * Turns decided events into what is stored, between `decide` and the append: personal data
   * sealed under its subject's key (libs/privacy). The decider stays pure, and the state
   * returned is folded from the stored form, as every later read will see it.
   */
  sealPersonalData?: (events: E[]) => Promise<E[]>;
}

export interface Decision<State> {
  state: State;
  write: AppendResult;
}

/**
 * The whole command path: load the stream, fold it, decide, append with the revision that was
 * read. A command id seen before gets its first result back, even when deciding again would now
 * be refused or conflict.
 */
@Injectable()
export class DeciderExecutor {
  private readonly logger = new Logger('Commands');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() private readonly metrics?: LedgerMetrics,
  ) {}

  /** The command path, counted and timed by type and outcome, and logged with its correlation id. */
  async execute<C, S, E extends DomainEvent>(
    decider: Decider<C, S, E>,
    stream: string,
    command: C,
    meta: CommandMeta,
    options: ExecuteOptions<E> = {},
  ): Promise<Decision<S>> {
    const type = (command as { type?: string }).type ?? 'unknown';
    const started = performance.now();
    let outcome = 'ok';
    try {
      const decision = await this.decideAndAppend(decider, stream, command, meta, options);
      if (decision.write.replayed) outcome = 'replayed';
      return decision;
    } catch (error) {
      outcome = outcomeOf(error);
      throw error;
    } finally {
      const seconds = (performance.now() - started) / 1000;
      this.metrics?.commandExecuted(type, outcome, seconds);
      const entry = { msg: 'command', command: type, stream, outcome, durationMs: Math.round(seconds * 1000), commandId: meta.commandId, correlationId: meta.correlationId };
      if (outcome === 'INTERNAL_SERVER_ERROR') this.logger.error(entry);
      else this.logger.log(entry);
    }
  }

  private async decideAndAppend<C, S, E extends DomainEvent>(
    decider: Decider<C, S, E>,
    stream: string,
    command: C,
    meta: CommandMeta,
    options: ExecuteOptions<E>,
  ): Promise<Decision<S>> {
    try {
      const history = options.newStream ? [] : await this.store.readStream(meta.tenantId, stream);
      const state = this.fold(decider, history);
      const decided = decider.decide(command, state, { now: this.clock() });
      const events = options.sealPersonalData ? await options.sealPersonalData(decided) : decided;
      const expectedRevision = history.length ? history[history.length - 1].revision : NO_STREAM;
      const appending = performance.now();
      const write = await this.store.append(stream, expectedRevision, events, {
        tenantId: meta.tenantId,
        actor: meta.actor,
        commandId: meta.commandId,
        correlationId: meta.correlationId,
        causationId: meta.commandId,
      });
      this.metrics?.appended((performance.now() - appending) / 1000);
      return write.replayed ? this.replay(decider, meta, write, stream, options) : { state: fold(decider, state, events), write };
    } catch (error) {
      if (error instanceof DomainError || error instanceof ConcurrencyConflictError) {
        const first = await this.store.findCommand(meta.tenantId, meta.commandId);
        if (first) return this.replay(decider, meta, first, stream, options);
      }
      throw error;
    }
  }

  /** Loads the current state of a stream, for rules that look at another record. */
  async load<S, E extends DomainEvent>(decider: Decider<unknown, S, E>, tenantId: string, stream: string): Promise<S> {
    return this.fold(decider, await this.store.readStream(tenantId, stream));
  }

  /**
   * The state as the first execution left it: the stream up to that command's last event. A
   * command id first used for another record (or another kind of record) is refused, not replayed.
   */
  private async replay<S, E extends DomainEvent>(
    decider: Decider<unknown, S, E>,
    meta: CommandMeta,
    first: AppendResult,
    stream: string,
    options: ExecuteOptions<E>,
  ): Promise<Decision<S>> {
    const reused = () =>
      new DomainError(`commandId ${meta.commandId} was already used for another command (on ${first.stream})`, 'BAD_USER_INPUT', 'commandId');
    if (!options.newStream && first.stream !== stream) throw reused();
    const last = first.events[first.events.length - 1].revision;
    const history = (await this.store.readStream(meta.tenantId, first.stream)).filter((e) => e.revision <= last);
    let state: S;
    try {
      state = this.fold(decider, history);
    } catch {
      throw reused();
    }
    if (state === decider.initialState) throw reused();
    return { state, write: first };
  }

  private fold<S, E extends DomainEvent>(decider: Decider<unknown, S, E>, history: RecordedEvent[]): S {
    return fold(decider, decider.initialState, history.map((e) => deserialise<E>(e)));
  }
}
