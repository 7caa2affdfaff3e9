import { SubprocessorProposedData } from './subprocessor.events';

export const SUBPROCESSOR_STATUSES = ['ACTIVE', 'REMOVED'] as const;
export type SubprocessorStatus = (typeof SUBPROCESSOR_STATUSES)[number];

/** What one controller said or was given about a sub-processor. */
export interface ControllerDecision {
  objectedAt: Date | null;
  objectionReason: string | null;
  approvedAt: Date | null;
  engagedAt: Date | null;
}

export interface Subprocessor extends SubprocessorProposedData {
  status: SubprocessorStatus;
  /** Objection windows count from here (Art. 28(2)). */
  proposedAt: Date;
  removedAt: Date | null;
  removalReason: string | null;
  /** By controller id; a controller appears once it objected, approved or had the sub-processor engaged. */
  controllers: Record<string, ControllerDecision>;
  lastOccurredAt: Date;
}

export type SubprocessorState = { status: 'NONE' } | Subprocessor;

export const NO_DECISION: ControllerDecision = { objectedAt: null, objectionReason: null, approvedAt: null, engagedAt: null };
