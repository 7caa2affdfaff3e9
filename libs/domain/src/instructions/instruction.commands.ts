import { AgreementPeriod } from '../agreements/agreement-periods';
import { InstructionChannel } from './instruction.events';

/** `agreementPeriods` are the controller's agreements, loaded by the caller: no instruction without one in force. */
export interface ReceiveInstruction {
  type: 'ReceiveInstruction';
  data: {
    instructionId: string;
    controllerId: string;
    subject: string;
    text: string;
    channel: InstructionChannel;
    documentSha256?: string | null;
    agreementPeriods: AgreementPeriod[];
    occurredAt: Date;
  };
}

export interface AcknowledgeInstruction {
  type: 'AcknowledgeInstruction';
  data: { instructionId: string; occurredAt: Date };
}

export interface FlagInstructionAsInfringing {
  type: 'FlagInstructionAsInfringing';
  data: { instructionId: string; reason: string; occurredAt: Date };
}

/** `successor` is the current state of the superseding instruction, loaded by the caller. */
export interface SupersedeInstruction {
  type: 'SupersedeInstruction';
  data: {
    instructionId: string;
    supersededBy: string;
    successor: { controllerId: string | null; status: string };
    occurredAt: Date;
  };
}

export interface WithdrawInstruction {
  type: 'WithdrawInstruction';
  data: { instructionId: string; reason?: string | null; occurredAt: Date };
}

export type InstructionCommand =
  | ReceiveInstruction
  | AcknowledgeInstruction
  | FlagInstructionAsInfringing
  | SupersedeInstruction
  | WithdrawInstruction;
