/** The part of a readable stream the queue uses (the client's typings bring their own Node types). */
export interface PausableSource {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Node's overloads type each event's listener apart
  on(event: string, listener: (...args: any[]) => void): unknown;
  pause(): unknown;
  resume(): unknown;
  isPaused(): boolean;
}

/**
 * Turns a subscription's event-by-event stream into batches: whatever has arrived when the
 * consumer asks, up to a batch size. The stream is paused while the consumer is a batch or two
 * behind, so a slow read model does not buffer the whole log in memory.
 */
export class EventQueue<In, Out> {
  private readonly items: Out[] = [];
  private failure: unknown = null;
  private ended = false;
  private wake: (() => void) | null = null;

  constructor(
    private readonly source: PausableSource,
    private readonly highWater: number,
    convert: (item: In) => Out | null,
  ) {
    source.on('data', (item: In) => {
      const converted = convert(item);
      if (converted === null) return;
      this.items.push(converted);
      if (this.items.length >= this.highWater) source.pause();
      this.notify();
    });
    source.on('error', (error: unknown) => {
      this.failure = error;
      this.notify();
    });
    source.on('end', () => {
      this.ended = true;
      this.notify();
    });
  }

  /** Up to `max` items, waiting for the first; empty only when the signal aborts. */
  async take(max: number, signal?: AbortSignal): Promise<Out[]> {
    while (this.items.length === 0) {
      this.throwIfFailed();
      if (signal?.aborted) return [];
      await this.waitFor(signal);
    }
    const batch = this.items.splice(0, max);
    if (this.source.isPaused() && this.items.length < this.highWater) this.source.resume();
    return batch;
  }

  /** Lets more items gather for `ms` (or until the signal aborts). */
  settle(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
    if (this.ended) throw new Error('the EventStoreDB subscription ended');
  }

  private waitFor(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        signal?.removeEventListener('abort', done);
        this.wake = null;
        resolve();
      };
      this.wake = done;
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  private notify(): void {
    this.wake?.();
  }
}
