import { deciderSpecification } from '@ledger/testing';
import { InstructionCommand } from './instruction.commands';
import { instructionDecider } from './instruction.decider';
import { InstructionEvent, InstructionEvents } from './instruction.events';

const now = new Date('2026-03-10T12:00:00Z');
const day = (d: number) => new Date(`2026-03-0${d}T09:00:00Z`);
const spec = deciderSpecification(instructionDecider, now);
const id = 'instr-1';
const given = {
  instructionId: id,
  controllerId: 'acme',
  subject: 'Retention of badge logs',
  text: 'Delete badge logs after 90 days',
  channel: 'email' as const,
};

const received = (overrides: Partial<InstructionEvent['data']> = {}, at = day(1)): InstructionEvent => ({
  type: InstructionEvents.Received,
  schemaVersion: 1,
  occurredAt: at,
  data: { ...given, documentSha256: null, ...overrides },
} as InstructionEvent);
const acknowledged = (at = day(2)): InstructionEvent => ({
  type: InstructionEvents.Acknowledged, schemaVersion: 1, occurredAt: at, data: { instructionId: id },
});
const withdrawn = (at = day(3)): InstructionEvent => ({
  type: InstructionEvents.Withdrawn, schemaVersion: 1, occurredAt: at, data: { instructionId: id, reason: null },
});

/** acme's first agreement ran through February; its second one started on 1 March. */
const agreementPeriods = [
  { effectiveFrom: new Date('2026-01-01T00:00:00Z'), effectiveUntil: new Date('2026-02-01T00:00:00Z') },
  { effectiveFrom: new Date('2026-03-01T00:00:00Z'), effectiveUntil: null },
];
const receive = (data: Partial<Extract<InstructionCommand, { type: 'ReceiveInstruction' }>['data']> = {}): InstructionCommand => ({
  type: 'ReceiveInstruction',
  data: {
    ...given,
    agreementPeriods,
    occurredAt: day(1),
    ...data,
  },
});
const acknowledge = (at = day(2)): InstructionCommand => ({ type: 'AcknowledgeInstruction', data: { instructionId: id, occurredAt: at } });
const flag = (reason: string, at = day(3)): InstructionCommand => ({
  type: 'FlagInstructionAsInfringing', data: { instructionId: id, reason, occurredAt: at },
});
const supersede = (successor: { controllerId: string | null; status: string }, supersededBy = 'instr-2', at = day(4)): InstructionCommand => ({
  type: 'SupersedeInstruction', data: { instructionId: id, supersededBy, successor, occurredAt: at },
});
const withdraw = (at = day(4), reason: string | null = 'contract ended'): InstructionCommand => ({
  type: 'WithdrawInstruction', data: { instructionId: id, reason, occurredAt: at },
});

describe('documented instructions (Art. 28(3)(a))', () => {
  describe('receiving', () => {
    it('records a documented instruction from a controller', () =>
      spec.given([]).when(receive({ documentSha256: 'AB'.repeat(32) })).then([received({ documentSha256: 'ab'.repeat(32) })]));

    it('refuses to receive the same instruction twice', () =>
      spec.given([received()]).when(receive()).thenThrows('already received'));

    it('refuses an instruction without text: an instruction must be documented', () =>
      spec.given([]).when(receive({ text: '   ' })).thenThrows('text must not be empty', 'text'));

    it('refuses a document fingerprint that is not a SHA-256', () =>
      spec.given([]).when(receive({ documentSha256: 'abc' })).thenThrows('64 hexadecimal', 'documentSha256'));

    it('refuses an instruction from a controller that never signed a data-processing agreement (Art. 28(3))', () =>
      spec.given([]).when(receive({ agreementPeriods: [] })).thenThrows('no data-processing agreement with controller acme', 'controllerId'));

    it('refuses an instruction dated when no agreement with its controller was in force (Art. 28(3))', () =>
      spec.given([]).when(receive({ occurredAt: new Date('2026-02-15T00:00:00Z') })).thenThrows('is in force at 2026-02-15', 'controllerId'));

    it('accepts an instruction dated within an earlier agreement of the same controller', () =>
      spec.given([]).when(receive({ occurredAt: new Date('2026-01-15T09:00:00Z') })).then([received({}, new Date('2026-01-15T09:00:00Z'))]));

    it('refuses an instruction dated in the future', () =>
      spec.given([]).when(receive({ occurredAt: new Date('2026-03-11T00:00:00Z') })).thenThrows('in the future', 'occurredAt'));
  });

  describe('acknowledging', () => {
    it('acknowledges a received instruction', () =>
      spec.given([received()]).when(acknowledge()).then([acknowledged()]));

    it('refuses to acknowledge an instruction that was never received', () =>
      spec.given([]).when(acknowledge()).thenThrows(`no instruction ${id}`, 'instructionId'));

    it('refuses to acknowledge twice', () =>
      spec.given([received(), acknowledged()]).when(acknowledge(day(3))).thenThrows('is acknowledged'));

    it('refuses an occurredAt earlier than the last event of the instruction', () =>
      spec.given([received({}, day(5))]).when(acknowledge(day(4))).thenThrows('earlier than the last event', 'occurredAt'));
  });

  describe('flagging as infringing (Art. 28(3), last subparagraph: inform the controller immediately)', () => {
    it('flags an acknowledged instruction with the reason', () =>
      spec.given([received(), acknowledged()]).when(flag('transfer to a third country without safeguards')).then([
        {
          type: InstructionEvents.FlaggedAsInfringing,
          schemaVersion: 1,
          occurredAt: day(3),
          data: { instructionId: id, reason: 'transfer to a third country without safeguards' },
        },
      ]));

    it('requires a reason', () => spec.given([received()]).when(flag(' ')).thenThrows('reason must not be empty', 'reason'));

    it('refuses to flag a withdrawn instruction', () =>
      spec.given([received(), withdrawn()]).when(flag('too late', day(4))).thenThrows('is withdrawn'));
  });

  describe('superseding', () => {
    it('is superseded by a later instruction of the same controller', () =>
      spec.given([received()]).when(supersede({ controllerId: 'acme', status: 'RECEIVED' })).then([
        { type: InstructionEvents.Superseded, schemaVersion: 1, occurredAt: day(4), data: { instructionId: id, supersededBy: 'instr-2' } },
      ]));

    it('refuses a successor that does not exist', () =>
      spec.given([received()]).when(supersede({ controllerId: null, status: 'NONE' })).thenThrows('no instruction instr-2', 'supersededBy'));

    it("refuses a successor from another controller: instructions bind only their own controller", () =>
      spec.given([received()]).when(supersede({ controllerId: 'globex', status: 'RECEIVED' })).thenThrows('another controller', 'supersededBy'));

    it('refuses an instruction superseding itself', () =>
      spec.given([received()]).when(supersede({ controllerId: 'acme', status: 'RECEIVED' }, id)).thenThrows('cannot supersede itself'));
  });

  describe('withdrawing', () => {
    it('withdraws an instruction, keeping the reason', () =>
      spec.given([received(), acknowledged()]).when(withdraw()).then([
        { type: InstructionEvents.Withdrawn, schemaVersion: 1, occurredAt: day(4), data: { instructionId: id, reason: 'contract ended' } },
      ]));

    it('refuses to withdraw twice', () =>
      spec.given([received(), withdrawn()]).when(withdraw()).thenThrows('cannot withdraw: instruction instr-1 is withdrawn'));
  });
});
