import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@ledger/domain';
import { readAsTenant, type SqlClient } from '@ledger/event-store';
import { formatConsistencyBundle, formatTlogProof } from '@ledger/integrity';
import {
  checkpointAt,
  consistencyProofBetween,
  inclusionProofAt,
  latestCheckpoint,
  leafIndexes,
  type SignedCheckpoint,
} from '@ledger/projections';
import type { LedgerConfig } from '../config';
import { LEDGER_CONFIG, SQL_CLIENT } from '../ledger/ledger.tokens';
import type { CheckpointType, ConsistencyProofType, InclusionProofType } from './checkpoint.types';

/**
 * Proofs always travel with the signed checkpoint of their own tree size, read together: an
 * append in between cannot make them disagree, since nodes and checkpoints never change.
 */
@Injectable()
export class ProofService {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  async checkpoint(treeSize?: number | null): Promise<CheckpointType | null> {
    const found = treeSize == null ? await latestCheckpoint(this.sql) : await checkpointAt(this.sql, treeSize);
    return found && this.toType(found);
  }

  async inclusion(tenantId: string, eventId: string, treeSize?: number | null): Promise<InclusionProofType> {
    const leafIndex = (await readAsTenant(this.sql, tenantId, (tx) => leafIndexes(tx, tenantId, [eventId]))).get(eventId);
    if (leafIndex === undefined) throw new DomainError(`event ${eventId} is not in the log yet (or not yours)`, 'NOT_FOUND', 'eventId');
    const checkpoint = await this.signed(treeSize, 'treeSize');
    if (leafIndex >= checkpoint.treeSize) {
      if (treeSize == null)
        throw new DomainError(
          `event ${eventId} is sealed at leaf ${leafIndex} but no checkpoint covers it yet; one is signed at least every ${this.config.checkpoints.everySeconds} s`,
          'NOT_FOUND',
          'eventId',
        );
      throw new DomainError(`event ${eventId} (leaf ${leafIndex}) came after the checkpoint of size ${treeSize}`, 'BAD_USER_INPUT', 'treeSize');
    }
    const hashes = await inclusionProofAt(this.sql, leafIndex, checkpoint.treeSize);
    return {
      eventId,
      leafIndex,
      treeSize: checkpoint.treeSize,
      hashes: hashes.map((h) => h.toString('base64')),
      checkpoint: this.toType(checkpoint),
      tlogProof: formatTlogProof({ index: leafIndex, hashes, checkpoint: checkpoint.note }),
    };
  }

  async consistency(fromSize: number, toSize?: number | null): Promise<ConsistencyProofType> {
    const from = await this.signed(fromSize, 'fromSize');
    const to = await this.signed(toSize, 'toSize');
    if (from.treeSize > to.treeSize)
      throw new DomainError(`fromSize ${from.treeSize} is larger than toSize ${to.treeSize}`, 'BAD_USER_INPUT', 'fromSize');
    const hashes = await consistencyProofBetween(this.sql, from.treeSize, to.treeSize);
    return {
      fromSize: from.treeSize,
      toSize: to.treeSize,
      hashes: hashes.map((h) => h.toString('base64')),
      fromCheckpoint: this.toType(from),
      toCheckpoint: this.toType(to),
      bundle: formatConsistencyBundle({ fromCheckpoint: from.note, toCheckpoint: to.note, hashes }),
    };
  }

  /** The signed checkpoint at that size, or the latest one when no size is given. */
  private async signed(treeSize: number | null | undefined, field: string): Promise<SignedCheckpoint> {
    if (treeSize == null) {
      const latest = await latestCheckpoint(this.sql);
      if (!latest) throw new DomainError('no checkpoint has been signed yet', 'NOT_FOUND', field);
      return latest;
    }
    const found = await checkpointAt(this.sql, treeSize);
    if (!found) throw new DomainError(`no checkpoint was signed at tree size ${treeSize}`, 'NOT_FOUND', field);
    return found;
  }

  private toType(checkpoint: SignedCheckpoint): CheckpointType {
    return { ...checkpoint, origin: this.config.checkpoints.origin };
  }
}
