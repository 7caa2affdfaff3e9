import type { LedgerWrite } from './ledger.types';

/**
 * The command's events are stored, but the registers did not show them in time, so the answer
 * (read from the registers) cannot be given yet. Nothing is lost: asking again with the same
 * commandId replays the write and answers once the registers have caught up.
 */
export class NotYetReadable extends Error {
  constructor(
    readonly commandId: string,
    readonly write: LedgerWrite,
    waitedMs: number,
  ) {
    super(
      `recorded (${write.events.length} event(s) on ${write.stream}), but the registers did not show it within ${waitedMs / 1000} s; ` +
        `ask again with commandId "${commandId}" for the answer (nothing will be recorded twice)`,
    );
  }
}
