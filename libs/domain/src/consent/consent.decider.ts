import { assertNever, assertOccurredAtInOrder, type Decider, type DecisionContext, DomainError, requireText } from '../shared';
import type { ConsentCommand } from './consent.commands';
import { CONSENT_SCHEMA_VERSION as v, type ConsentEvent, ConsentEvents, type ContactFactData } from './consent.events';
import { type ContactFact, standingOf } from './contact-permission';
import { assertChannelFits, normalisePurpose } from './subject-identifier';

/** A subject's facts so far, as the permission rules read them (without event ids: the decider never sees them). */
export interface ConsentState {
  facts: Array<Omit<ContactFact, 'eventId'>>;
  lastOccurredAt: Date | null;
}

const KIND = { [ConsentEvents.Given]: 'CONSENT', [ConsentEvents.Withdrawn]: 'WITHDRAWAL', [ConsentEvents.ObjectionRecorded]: 'OBJECTION' } as const;

function decide(command: ConsentCommand, state: ConsentState, { now }: DecisionContext): ConsentEvent[] {
  const { subject, subjectId, identifierHash, channel, occurredAt } = command.data;
  assertChannelFits(subject, channel);
  assertOccurredAtInOrder(occurredAt, state.lastOccurredAt, now);
  const source = requireText(command.data.source, 'source');
  const data = (purpose: string | null): ContactFactData => ({ subjectId, identifierHash, subject, channel, purpose, source });
  switch (command.type) {
    case 'RecordConsent': {
      const purpose = normalisePurpose(command.data.purpose);
      const { objection } = standingOf(state.facts, channel, purpose);
      if (objection)
        throw new DomainError(
          `the subject objected on ${objection.occurredAt.toISOString()} to ${channel} contact${objection.purpose ? ` for "${purpose}"` : ''}: an objection is always honoured, a consent cannot override it (GDPR Art. 21(3))`,
          'BAD_USER_INPUT',
          'subject',
        );
      return [{ type: ConsentEvents.Given, schemaVersion: v, occurredAt, data: { ...data(purpose), purpose } }];
    }
    case 'WithdrawConsent': {
      const purpose = normalisePurpose(command.data.purpose);
      if (!standingOf(state.facts, channel, purpose).consent)
        throw new DomainError(`the subject has no consent in force to ${channel} contact for "${purpose}" (record an objection instead)`, 'NOT_FOUND', 'purpose');
      return [{ type: ConsentEvents.Withdrawn, schemaVersion: v, occurredAt, data: { ...data(purpose), purpose } }];
    }
    case 'RecordObjection': {
      // Never refused for what was recorded before: an objection is always honoured (Art. 21(3)).
      const purpose = command.data.purpose === null ? null : normalisePurpose(command.data.purpose);
      return [{ type: ConsentEvents.ObjectionRecorded, schemaVersion: v, occurredAt, data: data(purpose) }];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: ConsentState, event: ConsentEvent): ConsentState {
  const { channel, purpose } = event.data;
  return { facts: [...state.facts, { kind: KIND[event.type], channel, purpose, occurredAt: event.occurredAt }], lastOccurredAt: event.occurredAt };
}

/**
 * Consents, withdrawals and objections of one subject identifier (one e-mail or one phone),
 * in one stream. Withdrawing needs a consent in force (Art. 7(3)); a consent is refused while
 * an objection stands (Art. 21(3)); an objection is always recorded.
 */
export const consentDecider: Decider<ConsentCommand, ConsentState, ConsentEvent> = {
  initialState: { facts: [], lastOccurredAt: null },
  decide,
  evolve,
};
