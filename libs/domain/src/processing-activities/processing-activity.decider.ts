import { assertNever, assertOccurredAtInOrder, Decider, DecisionContext, DomainError } from '../shared';
import { ProcessingActivityCommand } from './processing-activity.commands';
import {
  PROCESSING_ACTIVITY_SCHEMA_VERSION as v,
  ProcessingActivityEvent,
  ProcessingActivityEvents,
  ProcessingActivityRecordedData,
} from './processing-activity.events';
import { registerColumns, sameColumns } from './processing-activity.rules';

export const PROCESSING_ACTIVITY_STATUSES = ['IN_FORCE', 'RETIRED'] as const;
export type ProcessingActivityStatus = (typeof PROCESSING_ACTIVITY_STATUSES)[number];

export interface ProcessingActivity extends ProcessingActivityRecordedData {
  status: ProcessingActivityStatus;
  recordedAt: Date;
  amendedAt: Date | null;
  retiredAt: Date | null;
  retirementReason: string | null;
  lastOccurredAt: Date;
}

export type ProcessingActivityState = { status: 'NONE' } | ProcessingActivity;

function inForce(state: ProcessingActivityState, id: string, action: string): ProcessingActivity {
  if (state.status === 'NONE') throw new DomainError(`no processing activity ${id}`, 'NOT_FOUND', 'processingActivityId');
  if (state.status === 'RETIRED') throw new DomainError(`cannot ${action}: processing activity ${id} is retired`);
  return state;
}

function controllerOf(role: ProcessingActivityRecordedData['role'], given: string | null | undefined): string | null {
  const controllerId = given?.trim() || null;
  if (role === 'PROCESSOR' && !controllerId)
    throw new DomainError("controllerId is required in the processor's record: one record per controller (Art. 30(2)(a))", 'BAD_USER_INPUT', 'controllerId');
  if (role === 'CONTROLLER' && controllerId)
    throw new DomainError("a controller's record describes the tenant's own processing: it names no client controller (Art. 30(1))", 'BAD_USER_INPUT', 'controllerId');
  return controllerId;
}

function decide(command: ProcessingActivityCommand, state: ProcessingActivityState, { now }: DecisionContext): ProcessingActivityEvent[] {
  const { processingActivityId, occurredAt } = command.data;
  switch (command.type) {
    case 'RecordProcessingActivity': {
      if (state.status !== 'NONE') throw new DomainError(`processing activity ${processingActivityId} was already recorded`);
      assertOccurredAtInOrder(occurredAt, null, now);
      const { role } = command.data;
      const data = { processingActivityId, role, controllerId: controllerOf(role, command.data.controllerId), ...registerColumns(role, command.data) };
      return [{ type: ProcessingActivityEvents.Recorded, schemaVersion: v, occurredAt, data }];
    }
    case 'AmendProcessingActivity': {
      const activity = inForce(state, processingActivityId, 'amend');
      assertOccurredAtInOrder(occurredAt, activity.lastOccurredAt, now);
      const details = registerColumns(activity.role, command.data);
      if (sameColumns(activity, details))
        throw new DomainError('the amendment changes nothing in the record', 'BAD_USER_INPUT', 'processingActivityId');
      return [{ type: ProcessingActivityEvents.Amended, schemaVersion: v, occurredAt, data: { processingActivityId, ...details } }];
    }
    case 'RetireProcessingActivity': {
      const activity = inForce(state, processingActivityId, 'retire');
      assertOccurredAtInOrder(occurredAt, activity.lastOccurredAt, now);
      const reason = command.data.reason?.trim() || null;
      return [{ type: ProcessingActivityEvents.Retired, schemaVersion: v, occurredAt, data: { processingActivityId, reason } }];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: ProcessingActivityState, event: ProcessingActivityEvent): ProcessingActivityState {
  const at = event.occurredAt;
  if (event.type === ProcessingActivityEvents.Recorded)
    return { ...event.data, status: 'IN_FORCE', recordedAt: at, amendedAt: null, retiredAt: null, retirementReason: null, lastOccurredAt: at };
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case ProcessingActivityEvents.Amended:
      return { ...state, ...event.data, amendedAt: at, lastOccurredAt: at };
    case ProcessingActivityEvents.Retired:
      return { ...state, status: 'RETIRED', retiredAt: at, retirementReason: event.data.reason, lastOccurredAt: at };
    default:
      return assertNever(event);
  }
}

export const processingActivityDecider: Decider<ProcessingActivityCommand, ProcessingActivityState, ProcessingActivityEvent> = {
  initialState: { status: 'NONE' },
  decide,
  evolve,
};
