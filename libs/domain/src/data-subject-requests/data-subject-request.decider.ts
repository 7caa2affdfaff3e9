import {
  assertNever,
  assertOccurredAtInOrder,
  dataSubjectRequestDueDate,
  dataSubjectRequestExtensionDeadline,
  DATA_SUBJECT_REQUEST_MAX_EXTENSION_MONTHS as MAX_EXTENSION,
  Decider,
  DecisionContext,
  DomainError,
  isAfterDeadline,
  requireText,
} from '../shared';
import { DataSubjectRequestCommand } from './data-subject-request.commands';
import {
  DATA_SUBJECT_REQUEST_SCHEMA_VERSION as v,
  DataSubjectRequestEvent,
  DataSubjectRequestEvents,
  DataSubjectRequestReceivedData,
  Requester,
} from './data-subject-request.events';

export const DATA_SUBJECT_REQUEST_STATUSES = ['RECEIVED', 'FORWARDED', 'COMPLETED', 'REFUSED'] as const;
export type DataSubjectRequestStatus = (typeof DATA_SUBJECT_REQUEST_STATUSES)[number];
const ANSWERED: ReadonlyArray<DataSubjectRequestStatus> = ['COMPLETED', 'REFUSED'];

export interface DataSubjectRequest extends DataSubjectRequestReceivedData {
  status: DataSubjectRequestStatus;
  receivedAt: Date;
  forwardedAt: Date | null;
  extensionMonths: number;
  extensionReasons: string[];
  /** Art. 12(3), derived from the receipt and the extensions every time the state is folded. */
  dueAt: Date;
  completedAt: Date | null;
  refusedAt: Date | null;
  refusalReason: string | null;
  /** Null while unanswered; then whether the answer came too late (Art. 12(3), or 12(4) for a refusal). */
  answeredLate: boolean | null;
  lastOccurredAt: Date;
}

export type DataSubjectRequestState = { status: 'NONE' } | DataSubjectRequest;

/** Unanswered past its due date: asked at a given moment, never stored. */
export function isDataSubjectRequestOverdue(request: DataSubjectRequest, now: Date): boolean {
  return !ANSWERED.includes(request.status) && isAfterDeadline(request.dueAt, now);
}

function requesterOf(given: Partial<Requester>): Requester {
  const requester = { name: given.name?.trim() || null, email: given.email?.trim() || null, phone: given.phone?.trim() || null };
  if (!requester.name && !requester.email && !requester.phone)
    throw new DomainError('the requester needs a name, an e-mail or a phone number', 'BAD_USER_INPUT', 'requester');
  return requester;
}

function open(state: DataSubjectRequestState, requestId: string, occurredAt: Date, now: Date): DataSubjectRequest {
  if (state.status === 'NONE') throw new DomainError(`no data-subject request ${requestId}`, 'NOT_FOUND', 'requestId');
  if (ANSWERED.includes(state.status)) throw new DomainError(`data-subject request ${requestId} is ${state.status.toLowerCase()}`);
  assertOccurredAtInOrder(occurredAt, state.lastOccurredAt, now);
  return state;
}

function extensionMonths(request: DataSubjectRequest, months: number, at: Date): number {
  if (!Number.isInteger(months) || months < 1) throw new DomainError('months must be a whole number, 1 or more', 'BAD_USER_INPUT', 'months');
  const total = request.extensionMonths + months;
  if (total > MAX_EXTENSION)
    throw new DomainError(`an extension may add at most ${MAX_EXTENSION} months in total; ${request.extensionMonths} already granted`, 'BAD_USER_INPUT', 'months');
  if (isAfterDeadline(dataSubjectRequestExtensionDeadline(request.receivedAt), at))
    throw new DomainError('an extension must be decided and told to the requester within one month of receipt', 'BAD_USER_INPUT', 'occurredAt');
  return months;
}

function decide(command: DataSubjectRequestCommand, state: DataSubjectRequestState, { now }: DecisionContext): DataSubjectRequestEvent[] {
  const { requestId, occurredAt } = command.data;
  switch (command.type) {
    case 'ReceiveDataSubjectRequest': {
      if (state.status !== 'NONE') throw new DomainError(`data-subject request ${requestId} was already received`);
      assertOccurredAtInOrder(occurredAt, null, now);
      const data: DataSubjectRequestReceivedData = {
        requestId,
        controllerId: requireText(command.data.controllerId, 'controllerId'),
        requestType: command.data.requestType,
        requester: requesterOf(command.data.requester),
      };
      return [{ type: DataSubjectRequestEvents.Received, schemaVersion: v, occurredAt, data }];
    }
    case 'ForwardDataSubjectRequest': {
      const request = open(state, requestId, occurredAt, now);
      if (request.forwardedAt) throw new DomainError(`data-subject request ${requestId} was already forwarded`);
      return [{ type: DataSubjectRequestEvents.Forwarded, schemaVersion: v, occurredAt, data: { requestId, controllerId: request.controllerId } }];
    }
    case 'ExtendDataSubjectRequest': {
      const request = open(state, requestId, occurredAt, now);
      const months = extensionMonths(request, command.data.months, occurredAt);
      const reason = requireText(command.data.reason, 'reason');
      return [{ type: DataSubjectRequestEvents.Extended, schemaVersion: v, occurredAt, data: { requestId, months, reason } }];
    }
    case 'CompleteDataSubjectRequest':
      open(state, requestId, occurredAt, now);
      return [{ type: DataSubjectRequestEvents.Completed, schemaVersion: v, occurredAt, data: { requestId } }];
    case 'RefuseDataSubjectRequest': {
      open(state, requestId, occurredAt, now);
      const reason = requireText(command.data.reason, 'reason');
      return [{ type: DataSubjectRequestEvents.Refused, schemaVersion: v, occurredAt, data: { requestId, reason } }];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: DataSubjectRequestState, event: DataSubjectRequestEvent): DataSubjectRequestState {
  const at = event.occurredAt;
  if (event.type === DataSubjectRequestEvents.Received) {
    return {
      ...event.data,
      requester: { ...event.data.requester },
      status: 'RECEIVED',
      receivedAt: at,
      forwardedAt: null,
      extensionMonths: 0,
      extensionReasons: [],
      dueAt: dataSubjectRequestDueDate(at),
      completedAt: null,
      refusedAt: null,
      refusalReason: null,
      answeredLate: null,
      lastOccurredAt: at,
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case DataSubjectRequestEvents.Forwarded:
      return { ...state, status: 'FORWARDED', forwardedAt: at, lastOccurredAt: at };
    case DataSubjectRequestEvents.Extended: {
      const extension = state.extensionMonths + event.data.months;
      const extensionReasons = [...state.extensionReasons, event.data.reason];
      return { ...state, extensionMonths: extension, extensionReasons, dueAt: dataSubjectRequestDueDate(state.receivedAt, extension), lastOccurredAt: at };
    }
    case DataSubjectRequestEvents.Completed:
      return { ...state, status: 'COMPLETED', completedAt: at, answeredLate: isAfterDeadline(state.dueAt, at), lastOccurredAt: at };
    case DataSubjectRequestEvents.Refused: {
      // Art. 12(4) gives one month from receipt to explain a refusal; an Art. 12(3) extension does not stretch it.
      const answeredLate = isAfterDeadline(dataSubjectRequestDueDate(state.receivedAt), at);
      return { ...state, status: 'REFUSED', refusedAt: at, refusalReason: event.data.reason, answeredLate, lastOccurredAt: at };
    }
    default:
      return assertNever(event);
  }
}

export const dataSubjectRequestDecider: Decider<DataSubjectRequestCommand, DataSubjectRequestState, DataSubjectRequestEvent> = {
  initialState: { status: 'NONE' },
  decide,
  evolve,
};
