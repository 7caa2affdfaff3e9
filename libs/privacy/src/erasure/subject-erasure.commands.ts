import type { ErasureGround } from './subject-erasure.events';

export interface EraseSubject {
  type: 'EraseSubject';
  data: {
    subjectId: string;
    ground: ErasureGround;
    reason: string;
    /** Whether the key store still holds the subject's key: read by the handler, judged here. */
    keyHeld: boolean;
    occurredAt: Date;
  };
}

export type SubjectErasureCommand = EraseSubject;
