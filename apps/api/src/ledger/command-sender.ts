import { Injectable } from '@nestjs/common';
import { Command, CommandBus } from '@nestjs/cqrs';
import type { AppendResult } from '@ledger/event-store';
import { ProjectionRunner } from '@ledger/projections';
import { v7 as uuidv7 } from 'uuid';
import type { CommandInput } from './command.input';
import type { CommandMeta } from './decider-executor';
import { type LedgerWrite, ledgerWriteOf } from './ledger.types';
import type { RequestContext } from './request-context';

/**
 * What every mutation resolver does: give the command its metadata, dispatch it on the command
 * bus, and answer only once the registers show the write (read your writes).
 */
@Injectable()
export class CommandSender {
  constructor(
    private readonly commands: CommandBus,
    private readonly projections: ProjectionRunner,
  ) {}

  async send<R extends { write: AppendResult }>(
    ctx: RequestContext,
    input: CommandInput,
    command: (meta: CommandMeta) => Command<R>,
  ): Promise<R & { ledger: LedgerWrite }> {
    const meta: CommandMeta = { ...ctx, commandId: input.commandId ?? uuidv7() };
    const result = await this.commands.execute(command(meta));
    await this.projections.waitFor(result.write.events[result.write.events.length - 1].position);
    return { ...result, ledger: ledgerWriteOf(result.write) };
  }
}
