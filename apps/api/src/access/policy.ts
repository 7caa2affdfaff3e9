import { SetMetadata } from '@nestjs/common';
import type { ApiKeyRole } from '@ledger/domain';

export const POLICY = Symbol('access-policy');
export const OPEN = Symbol('open-route');

/**
 * The roles that may call this operation. A controller or auditor key confined to one
 * relationship may call it only when the operation names that relationship (a `controllerId`
 * argument, or `input.controllerId`) — see AccessGuard. An operation without @Allow is refused.
 */
export const Allow = (...roles: ApiKeyRole[]) => SetMetadata(POLICY, roles);

/** A route open without a key: health probes and metrics, and routes that check their own token (/admin/backup). */
export const Open = () => SetMetadata(OPEN, true);

/** Who may read: everyone but admin keys, whose business is tenants and keys. */
export const READERS: ApiKeyRole[] = ['processor', 'controller', 'auditor'];

export const ANY_RELATIONSHIP = Symbol('any-relationship');

/** The operation reads the log as a whole (checkpoints, consistency), not a relationship's records: open to confined keys too. */
export const AnyRelationship = () => SetMetadata(ANY_RELATIONSHIP, true);

/** The records a confined key may name by id; their controllers are read by controllersOf (record-controllers.ts). */
export type ScopedRecord = 'audit' | 'breach' | 'dataSubjectRequest' | 'instruction' | 'processingActivity';

export const RECORD_OF = Symbol('record-of');

export interface RecordArgument {
  record: ScopedRecord;
  /** The arguments holding records' ids, at the top level or in `input`: each must be the key's controller's. */
  idArgs: string[];
}

/**
 * The operation names records by id instead of a relationship: a confined key may call it for
 * records of its own controller, which AccessGuard reads before letting the call through.
 */
export const RecordOf = (record: ScopedRecord, ...idArgs: string[]) => SetMetadata(RECORD_OF, { record, idArgs } satisfies RecordArgument);
