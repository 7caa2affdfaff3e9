import { assertNever, assertOccurredAtInOrder, Decider, DecisionContext, DomainError, EEA_COUNTRIES, requireText } from '../shared';
import { authorisationFor, ControllerAuthorisation } from './subprocessor-authorisation';
import { ControllerDecisionData, SubprocessorCommand } from './subprocessor.commands';
import {
  SUBPROCESSOR_SCHEMA_VERSION as v,
  SUBPROCESSOR_TRANSFER_MECHANISMS,
  SubprocessorEvent,
  SubprocessorEvents,
  SubprocessorProposedData,
  SubprocessorTransferMechanism,
} from './subprocessor.events';
import { NO_DECISION, Subprocessor, SubprocessorState } from './subprocessor.state';

function active(state: SubprocessorState, subprocessorId: string): Subprocessor {
  if (state.status === 'NONE') throw new DomainError(`no sub-processor ${subprocessorId}`, 'NOT_FOUND', 'subprocessorId');
  if (state.status === 'REMOVED') throw new DomainError(`sub-processor ${subprocessorId} was removed`, 'BAD_USER_INPUT', 'subprocessorId');
  return state;
}

/** Chapter V: a sub-processor outside the EEA needs a safeguard, one inside needs none. */
function transferMechanism(location: string, mechanism: SubprocessorTransferMechanism): SubprocessorTransferMechanism {
  if (!SUBPROCESSOR_TRANSFER_MECHANISMS.includes(mechanism))
    throw new DomainError(`transferMechanism must be one of ${SUBPROCESSOR_TRANSFER_MECHANISMS.join(', ')}`, 'BAD_USER_INPUT', 'transferMechanism');
  const inEea = EEA_COUNTRIES.has(location);
  if (!inEea && mechanism === 'NONE_EEA')
    throw new DomainError(`${location} is outside the EEA: name the Chapter V safeguard of the transfer (Art. 44)`, 'BAD_USER_INPUT', 'transferMechanism');
  if (inEea && mechanism !== 'NONE_EEA')
    throw new DomainError(`${location} is in the EEA: processing there is no transfer, use NONE_EEA`, 'BAD_USER_INPUT', 'transferMechanism');
  return mechanism;
}

function proposal(data: SubprocessorProposedData): SubprocessorProposedData {
  const location = data.location.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(location))
    throw new DomainError(`location ${data.location} is not an ISO 3166-1 alpha-2 country code`, 'BAD_USER_INPUT', 'location');
  return {
    subprocessorId: data.subprocessorId,
    name: requireText(data.name, 'name'),
    service: requireText(data.service, 'service'),
    location,
    transferMechanism: transferMechanism(location, data.transferMechanism),
  };
}

type ControllerAction = 'object to' | 'approve' | 'add';

const GENERAL_ONLY = 'its agreement gives a general authorisation: it is informed and may object, there is nothing to approve (Art. 28(2))';
const SPECIFIC_ONLY = 'its agreement requires a specific authorisation: it approves each sub-processor, there is no objection window (Art. 28(2))';

/** Why a controller's decision (or engaging the sub-processor for it) is not possible in its current authorisation state. */
function refusal(action: ControllerAction, controllerId: string, { state, objectionWindowEndsAt }: ControllerAuthorisation): DomainError {
  const cannot = `cannot ${action} the sub-processor for controller ${controllerId}`;
  const windowEnd = objectionWindowEndsAt?.toISOString();
  switch (state) {
    case 'NO_AGREEMENT':
      return new DomainError(`${cannot}: no data-processing agreement is in force with it (Art. 28(3))`, 'BAD_USER_INPUT', 'controllerId');
    case 'ENGAGED':
      return new DomainError(`${cannot}: it is already engaged for this controller`, 'BAD_USER_INPUT', 'controllerId');
    case 'OBJECTED':
      return new DomainError(`${cannot}: the controller objected to it (Art. 28(2))`, 'BAD_USER_INPUT', 'controllerId');
    case 'OBJECTION_WINDOW_OPEN':
      return action === 'approve'
        ? new DomainError(`${cannot}: ${GENERAL_ONLY}`, 'BAD_USER_INPUT', 'controllerId')
        : new DomainError(`${cannot}: the controller may object until ${windowEnd} (Art. 28(2))`, 'BAD_USER_INPUT', 'occurredAt');
    case 'AUTHORISED':
      return action === 'approve'
        ? new DomainError(`${cannot}: ${GENERAL_ONLY}`, 'BAD_USER_INPUT', 'controllerId')
        : new DomainError(`${cannot}: the objection window closed on ${windowEnd} (Art. 28(2))`, 'BAD_USER_INPUT', 'occurredAt');
    case 'AWAITING_APPROVAL':
      return action === 'object to'
        ? new DomainError(`${cannot}: ${SPECIFIC_ONLY}`, 'BAD_USER_INPUT', 'controllerId')
        : new DomainError(`${cannot}: the controller has not approved it (Art. 28(2))`, 'BAD_USER_INPUT', 'controllerId');
    case 'APPROVED':
      return action === 'object to'
        ? new DomainError(`${cannot}: ${SPECIFIC_ONLY}`, 'BAD_USER_INPUT', 'controllerId')
        : new DomainError(`${cannot}: the controller already approved it`, 'BAD_USER_INPUT', 'controllerId');
    case 'REMOVED':
      return new DomainError(`${cannot}: it was removed`, 'BAD_USER_INPUT', 'subprocessorId');
    default:
      return assertNever(state);
  }
}

/** The states in which each controller-side command is allowed. */
const ALLOWED: Record<ControllerAction, ReadonlyArray<ControllerAuthorisation['state']>> = {
  'object to': ['OBJECTION_WINDOW_OPEN'],
  approve: ['AWAITING_APPROVAL'],
  add: ['AUTHORISED', 'APPROVED'],
};

function authorised(action: ControllerAction, subprocessor: Subprocessor, data: ControllerDecisionData): ControllerAuthorisation {
  const authorisation = authorisationFor(subprocessor, data.controllerId, data.agreement, data.occurredAt);
  if (!ALLOWED[action].includes(authorisation.state)) throw refusal(action, data.controllerId, authorisation);
  return authorisation;
}

function decide(command: SubprocessorCommand, state: SubprocessorState, { now }: DecisionContext): SubprocessorEvent[] {
  const { subprocessorId, occurredAt } = command.data;
  switch (command.type) {
    case 'ProposeSubprocessor': {
      if (state.status !== 'NONE') throw new DomainError(`sub-processor ${subprocessorId} was already proposed`);
      assertOccurredAtInOrder(occurredAt, null, now);
      return [{ type: SubprocessorEvents.Proposed, schemaVersion: v, occurredAt, data: proposal(command.data) }];
    }
    case 'ObjectToSubprocessor': {
      const subprocessor = active(state, subprocessorId);
      assertOccurredAtInOrder(occurredAt, subprocessor.lastOccurredAt, now);
      authorised('object to', subprocessor, command.data);
      const data = { subprocessorId, controllerId: command.data.controllerId, reason: requireText(command.data.reason, 'reason') };
      return [{ type: SubprocessorEvents.Objected, schemaVersion: v, occurredAt, data }];
    }
    case 'ApproveSubprocessor': {
      const subprocessor = active(state, subprocessorId);
      assertOccurredAtInOrder(occurredAt, subprocessor.lastOccurredAt, now);
      authorised('approve', subprocessor, command.data);
      return [{ type: SubprocessorEvents.Approved, schemaVersion: v, occurredAt, data: { subprocessorId, controllerId: command.data.controllerId } }];
    }
    case 'AddSubprocessor': {
      const subprocessor = active(state, subprocessorId);
      assertOccurredAtInOrder(occurredAt, subprocessor.lastOccurredAt, now);
      const { state: authorisation } = authorised('add', subprocessor, command.data);
      const data = {
        subprocessorId,
        controllerId: command.data.controllerId,
        authorisation: authorisation === 'APPROVED' ? ('SPECIFIC' as const) : ('GENERAL' as const),
      };
      return [{ type: SubprocessorEvents.Added, schemaVersion: v, occurredAt, data }];
    }
    case 'RemoveSubprocessor': {
      const subprocessor = active(state, subprocessorId);
      assertOccurredAtInOrder(occurredAt, subprocessor.lastOccurredAt, now);
      const reason = command.data.reason?.trim() || null;
      return [{ type: SubprocessorEvents.Removed, schemaVersion: v, occurredAt, data: { subprocessorId, reason } }];
    }
    default:
      return assertNever(command);
  }
}

function withDecision(state: Subprocessor, controllerId: string, at: Date, change: Partial<Subprocessor['controllers'][string]>): Subprocessor {
  const decision = { ...(state.controllers[controllerId] ?? NO_DECISION), ...change };
  return { ...state, controllers: { ...state.controllers, [controllerId]: decision }, lastOccurredAt: at };
}

function evolve(state: SubprocessorState, event: SubprocessorEvent): SubprocessorState {
  const at = event.occurredAt;
  if (event.type === SubprocessorEvents.Proposed)
    return { ...event.data, status: 'ACTIVE', proposedAt: at, removedAt: null, removalReason: null, controllers: {}, lastOccurredAt: at };
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case SubprocessorEvents.Objected:
      return withDecision(state, event.data.controllerId, at, { objectedAt: at, objectionReason: event.data.reason });
    case SubprocessorEvents.Approved:
      return withDecision(state, event.data.controllerId, at, { approvedAt: at });
    case SubprocessorEvents.Added:
      return withDecision(state, event.data.controllerId, at, { engagedAt: at });
    case SubprocessorEvents.Removed:
      return { ...state, status: 'REMOVED', removedAt: at, removalReason: event.data.reason, lastOccurredAt: at };
    default:
      return assertNever(event);
  }
}

export const subprocessorDecider: Decider<SubprocessorCommand, SubprocessorState, SubprocessorEvent> = {
  initialState: { status: 'NONE' },
  decide,
  evolve,
};
