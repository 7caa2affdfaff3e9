import { assertNever, assertOccurredAtInOrder, type Decider, type DecisionContext, DomainError, requireText } from '@ledger/domain';
import type { SubjectErasureCommand } from './subject-erasure.commands';
import { SUBJECT_ERASURE_SCHEMA_VERSION as v, type SubjectErasureEvent, SubjectErasureEvents } from './subject-erasure.events';

export type SubjectErasureState = { status: 'NONE' } | { status: 'ERASED'; erasures: number; lastErasedAt: Date };

function decide(command: SubjectErasureCommand, state: SubjectErasureState, { now }: DecisionContext): SubjectErasureEvent[] {
  switch (command.type) {
    case 'EraseSubject': {
      const { subjectId, ground, keyHeld, occurredAt } = command.data;
      // No key, nothing left to shred: either it was already erased or the ledger never held data about it.
      if (!keyHeld && state.status === 'ERASED')
        throw new DomainError(`subject ${subjectId} was already erased on ${state.lastErasedAt.toISOString()}`, 'BAD_USER_INPUT', 'subjectId');
      if (!keyHeld) throw new DomainError(`the ledger holds no personal data of subject ${subjectId}`, 'NOT_FOUND', 'subjectId');
      assertOccurredAtInOrder(occurredAt, state.status === 'ERASED' ? state.lastErasedAt : null, now);
      const reason = requireText(command.data.reason, 'reason');
      return [{ type: SubjectErasureEvents.Erased, schemaVersion: v, occurredAt, data: { subjectId, ground, reason } }];
    }
    default:
      return assertNever(command.type);
  }
}

function evolve(state: SubjectErasureState, event: SubjectErasureEvent): SubjectErasureState {
  switch (event.type) {
    case SubjectErasureEvents.Erased:
      return { status: 'ERASED', erasures: state.status === 'ERASED' ? state.erasures + 1 : 1, lastErasedAt: event.occurredAt };
    default:
      return assertNever(event.type);
  }
}

/**
 * Erasure of a data subject (Art. 17): the handler destroys the key after this event is
 * appended. A subject erased before may be erased again only if data about it was recorded
 * since (a new key exists), which also lets an erasure interrupted before its key was destroyed
 * be finished.
 */
export const subjectErasureDecider: Decider<SubjectErasureCommand, SubjectErasureState, SubjectErasureEvent> = {
  initialState: { status: 'NONE' },
  decide,
  evolve,
};
