import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { AppendResult } from '@ledger/event-store';
import { type ErasureGround, type SubjectErasedData, subjectErasureDecider, type SubjectKeyStore, subjectStream } from '@ledger/privacy';
import { type CommandMeta, DeciderExecutor } from '../ledger/decider-executor';
import { SUBJECT_KEY_STORE } from './privacy.tokens';

export interface SubjectErasure extends SubjectErasedData {
  erasedAt: Date;
}

export interface SubjectErasureWritten {
  erasure: SubjectErasure;
  write: AppendResult;
}

export class EraseSubjectCommand extends Command<SubjectErasureWritten> {
  constructor(
    readonly data: { subjectId: string; ground: ErasureGround; reason: string; occurredAt: Date },
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

/**
 * Appends SubjectErased, then destroys the key. In that order: a crash in between leaves a key
 * that a new eraseSubject finds and destroys (the decider allows it while a key is held), whereas
 * the other order could shred data with no record of why.
 */
@CommandHandler(EraseSubjectCommand)
export class EraseSubjectHandler implements ICommandHandler<EraseSubjectCommand> {
  constructor(
    private readonly executor: DeciderExecutor,
    @Inject(SUBJECT_KEY_STORE) private readonly keys: SubjectKeyStore,
  ) {}

  async execute({ data, meta }: EraseSubjectCommand): Promise<SubjectErasureWritten> {
    const keyHeld = (await this.keys.find(meta.tenantId, data.subjectId)) !== null;
    const { write } = await this.executor.execute(subjectErasureDecider, subjectStream(data.subjectId), { type: 'EraseSubject', data: { ...data, keyHeld } }, meta);
    // A replayed command id must not shred a key created since its first run without a new event.
    if (!write.replayed) await this.keys.destroy(meta.tenantId, data.subjectId);
    const erased = write.events[write.events.length - 1];
    return { erasure: { ...(erased.data as SubjectErasedData), erasedAt: new Date(erased.metadata.occurredAt) }, write };
  }
}
