import { ControllerAgreement } from '../agreements/agreement-periods';
import { SubprocessorTransferMechanism } from './subprocessor.events';

export interface ProposeSubprocessor {
  type: 'ProposeSubprocessor';
  data: {
    subprocessorId: string;
    name: string;
    service: string;
    location: string;
    transferMechanism: SubprocessorTransferMechanism;
    occurredAt: Date;
  };
}

/** `agreement` is the controller's relationship, loaded by the caller: the rules depend on its terms. */
export interface ControllerDecisionData {
  subprocessorId: string;
  controllerId: string;
  agreement: ControllerAgreement;
  occurredAt: Date;
}

interface ControllerDecisionCommand<Type extends string, Extra = unknown> {
  type: Type;
  data: ControllerDecisionData & Extra;
}

export type ObjectToSubprocessor = ControllerDecisionCommand<'ObjectToSubprocessor', { reason: string }>;
export type ApproveSubprocessor = ControllerDecisionCommand<'ApproveSubprocessor'>;
export type AddSubprocessor = ControllerDecisionCommand<'AddSubprocessor'>;

export interface RemoveSubprocessor {
  type: 'RemoveSubprocessor';
  data: { subprocessorId: string; reason?: string | null; occurredAt: Date };
}

export type SubprocessorCommand = ProposeSubprocessor | ObjectToSubprocessor | ApproveSubprocessor | AddSubprocessor | RemoveSubprocessor;
