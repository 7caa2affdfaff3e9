import { DomainEvent } from '../shared';

/** Stored event names: owned constants, never class names. */
export const InstructionEvents = {
  Received: 'InstructionReceived',
  Acknowledged: 'InstructionAcknowledged',
  FlaggedAsInfringing: 'InstructionFlaggedAsInfringing',
  Superseded: 'InstructionSuperseded',
  Withdrawn: 'InstructionWithdrawn',
} as const;

export const INSTRUCTION_SCHEMA_VERSION = 1;

/** How the controller gave the instruction (Art. 28(3)(a): instructions must be documented). */
export const INSTRUCTION_CHANNELS = ['email', 'contract', 'ticket', 'call', 'meeting', 'letter', 'portal'] as const;
export type InstructionChannel = (typeof INSTRUCTION_CHANNELS)[number];

export interface InstructionReceivedData {
  instructionId: string;
  controllerId: string;
  subject: string;
  text: string;
  channel: InstructionChannel;
  /** SHA-256 of the document that carries the instruction, when there is one. */
  documentSha256: string | null;
}

export type InstructionReceived = DomainEvent<typeof InstructionEvents.Received, InstructionReceivedData>;
export type InstructionAcknowledged = DomainEvent<typeof InstructionEvents.Acknowledged, { instructionId: string }>;
export type InstructionFlaggedAsInfringing = DomainEvent<
  typeof InstructionEvents.FlaggedAsInfringing,
  { instructionId: string; reason: string }
>;
export type InstructionSuperseded = DomainEvent<
  typeof InstructionEvents.Superseded,
  { instructionId: string; supersededBy: string }
>;
export type InstructionWithdrawn = DomainEvent<
  typeof InstructionEvents.Withdrawn,
  { instructionId: string; reason: string | null }
>;

export type InstructionEvent =
  | InstructionReceived
  | InstructionAcknowledged
  | InstructionFlaggedAsInfringing
  | InstructionSuperseded
  | InstructionWithdrawn;

export function instructionStream(instructionId: string): string {
  return `instruction-${instructionId}`;
}
