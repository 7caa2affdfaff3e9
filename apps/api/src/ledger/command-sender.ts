import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandBus } from '@nestjs/cqrs';
import type { AppendResult } from '@ledger/event-store';
import { ProjectionRunner } from '@ledger/projections';
import { v7 as uuidv7 } from 'uuid';
import type { LedgerConfig } from '../config';
import type { CommandInput } from './command.input';
import type { CommandMeta } from './decider-executor';
import { LEDGER_CONFIG } from './ledger.tokens';
import { type LedgerWrite, ledgerWriteOf } from './ledger.types';
import { NotYetReadable } from './not-yet-readable';
import type { RequestContext } from './request-context';

/** How long a mutation waits for the registers to show its write before answering NotYetReadable. */
const DEFAULT_READ_YOUR_WRITES_TIMEOUT_MS = 10_000;

/**
 * What every mutation resolver does: give the command its metadata, dispatch it on the command
 * bus, and answer only once the registers show the write (read your writes), or say that the
 * write stands but cannot be shown yet.
 */
@Injectable()
export class CommandSender {
  constructor(
    private readonly commands: CommandBus,
    private readonly projections: ProjectionRunner,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  async send<R extends { write: AppendResult }>(
    ctx: RequestContext,
    input: CommandInput,
    command: (meta: CommandMeta) => Command<R>,
  ): Promise<R & { ledger: LedgerWrite }> {
    const meta: CommandMeta = { ...ctx, commandId: input.commandId ?? uuidv7() };
    const result = await this.commands.execute(command(meta));
    const ledger = ledgerWriteOf(result.write);
    const waitMs = this.config.readYourWritesTimeoutMs ?? DEFAULT_READ_YOUR_WRITES_TIMEOUT_MS;
    if (!(await this.projections.waitFor(result.write.events[result.write.events.length - 1].position, waitMs))) throw new NotYetReadable(meta.commandId, ledger, waitMs);
    return { ...result, ledger };
  }
}
