import { inForceAt } from '../agreements/agreement-periods';
import { assertNever, assertOccurredAtInOrder, Decider, DecisionContext, DomainError, requireText } from '../shared';
import { InstructionCommand } from './instruction.commands';
import {
  INSTRUCTION_SCHEMA_VERSION as v,
  InstructionEvent,
  InstructionEvents,
  InstructionReceivedData,
} from './instruction.events';

export const INSTRUCTION_STATUSES = [
  'RECEIVED',
  'ACKNOWLEDGED',
  'FLAGGED_AS_INFRINGING',
  'SUPERSEDED',
  'WITHDRAWN',
] as const;
export type InstructionStatus = (typeof INSTRUCTION_STATUSES)[number];

export interface Instruction extends InstructionReceivedData {
  status: InstructionStatus;
  receivedAt: Date;
  acknowledgedAt: Date | null;
  flaggedAsInfringingAt: Date | null;
  infringementReason: string | null;
  supersededBy: string | null;
  supersededAt: Date | null;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  lastOccurredAt: Date;
}

export type InstructionState = { status: 'NONE' } | Instruction;

const SHA256_HEX = /^[0-9a-f]{64}$/;
const FINAL: ReadonlyArray<InstructionStatus> = ['SUPERSEDED', 'WITHDRAWN'];

function existing(state: InstructionState, instructionId: string): Instruction {
  if (state.status === 'NONE') throw new DomainError(`no instruction ${instructionId}`, 'NOT_FOUND', 'instructionId');
  return state;
}

function open(state: InstructionState, instructionId: string, action: string): Instruction {
  const instruction = existing(state, instructionId);
  if (FINAL.includes(instruction.status))
    throw new DomainError(`cannot ${action}: instruction ${instructionId} is ${instruction.status.toLowerCase()}`);
  return instruction;
}

function decide(command: InstructionCommand, state: InstructionState, { now }: DecisionContext): InstructionEvent[] {
  const { instructionId, occurredAt } = command.data;
  switch (command.type) {
    case 'ReceiveInstruction': {
      if (state.status !== 'NONE') throw new DomainError(`instruction ${instructionId} was already received`);
      assertOccurredAtInOrder(occurredAt, null, now);
      const documentSha256 = command.data.documentSha256?.toLowerCase() ?? null;
      if (documentSha256 !== null && !SHA256_HEX.test(documentSha256))
        throw new DomainError('documentSha256 must be 64 hexadecimal characters', 'BAD_USER_INPUT', 'documentSha256');
      const controllerId = requireText(command.data.controllerId, 'controllerId');
      if (!inForceAt(command.data.agreementPeriods, occurredAt))
        throw new DomainError(
          `no data-processing agreement with controller ${controllerId} is in force at ${occurredAt.toISOString()}: a processor acts on instructions only under one (Art. 28(3))`,
          'BAD_USER_INPUT',
          'controllerId',
        );
      const data = {
        instructionId,
        controllerId,
        subject: requireText(command.data.subject, 'subject'),
        text: requireText(command.data.text, 'text'),
        channel: command.data.channel,
        documentSha256,
      };
      return [{ type: InstructionEvents.Received, schemaVersion: v, occurredAt, data }];
    }
    case 'AcknowledgeInstruction': {
      const instruction = open(state, instructionId, 'acknowledge');
      if (instruction.status !== 'RECEIVED')
        throw new DomainError(`cannot acknowledge: instruction ${instructionId} is ${instruction.status.toLowerCase()}`);
      assertOccurredAtInOrder(occurredAt, instruction.lastOccurredAt, now);
      return [{ type: InstructionEvents.Acknowledged, schemaVersion: v, occurredAt, data: { instructionId } }];
    }
    case 'FlagInstructionAsInfringing': {
      const instruction = open(state, instructionId, 'flag as infringing');
      if (instruction.status === 'FLAGGED_AS_INFRINGING')
        throw new DomainError(`instruction ${instructionId} is already flagged as infringing`);
      assertOccurredAtInOrder(occurredAt, instruction.lastOccurredAt, now);
      const reason = requireText(command.data.reason, 'reason');
      return [{ type: InstructionEvents.FlaggedAsInfringing, schemaVersion: v, occurredAt, data: { instructionId, reason } }];
    }
    case 'SupersedeInstruction': {
      const instruction = open(state, instructionId, 'supersede');
      const { supersededBy, successor } = command.data;
      if (supersededBy === instructionId)
        throw new DomainError('an instruction cannot supersede itself', 'BAD_USER_INPUT', 'supersededBy');
      if (successor.status === 'NONE')
        throw new DomainError(`no instruction ${supersededBy}`, 'NOT_FOUND', 'supersededBy');
      if (successor.controllerId !== instruction.controllerId)
        throw new DomainError('the superseding instruction comes from another controller', 'BAD_USER_INPUT', 'supersededBy');
      assertOccurredAtInOrder(occurredAt, instruction.lastOccurredAt, now);
      return [{ type: InstructionEvents.Superseded, schemaVersion: v, occurredAt, data: { instructionId, supersededBy } }];
    }
    case 'WithdrawInstruction': {
      const instruction = open(state, instructionId, 'withdraw');
      assertOccurredAtInOrder(occurredAt, instruction.lastOccurredAt, now);
      const reason = command.data.reason?.trim() || null;
      return [{ type: InstructionEvents.Withdrawn, schemaVersion: v, occurredAt, data: { instructionId, reason } }];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: InstructionState, event: InstructionEvent): InstructionState {
  const at = event.occurredAt;
  if (event.type === InstructionEvents.Received) {
    return {
      ...event.data,
      status: 'RECEIVED',
      receivedAt: at,
      acknowledgedAt: null,
      flaggedAsInfringingAt: null,
      infringementReason: null,
      supersededBy: null,
      supersededAt: null,
      withdrawnAt: null,
      withdrawalReason: null,
      lastOccurredAt: at,
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case InstructionEvents.Acknowledged:
      return { ...state, status: 'ACKNOWLEDGED', acknowledgedAt: at, lastOccurredAt: at };
    case InstructionEvents.FlaggedAsInfringing:
      return { ...state, status: 'FLAGGED_AS_INFRINGING', flaggedAsInfringingAt: at, infringementReason: event.data.reason, lastOccurredAt: at };
    case InstructionEvents.Superseded:
      return { ...state, status: 'SUPERSEDED', supersededBy: event.data.supersededBy, supersededAt: at, lastOccurredAt: at };
    case InstructionEvents.Withdrawn:
      return { ...state, status: 'WITHDRAWN', withdrawnAt: at, withdrawalReason: event.data.reason, lastOccurredAt: at };
    default:
      return assertNever(event);
  }
}

export const instructionDecider: Decider<InstructionCommand, InstructionState, InstructionEvent> = {
  initialState: { status: 'NONE' },
  decide,
  evolve,
};
