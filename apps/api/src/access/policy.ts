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
