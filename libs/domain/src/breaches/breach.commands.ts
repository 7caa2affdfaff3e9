import { BreachAuthorityNotifiedData, BreachDetectedData, BreachSubjectsNotifiedData } from './breach.events';

export interface RecordBreach {
  type: 'RecordBreach';
  /** occurredAt is when the processor became aware of the breach. */
  data: BreachDetectedData & { occurredAt: Date };
}

export interface NotifyControllerOfBreach {
  type: 'NotifyControllerOfBreach';
  data: { breachId: string; controllerId: string; occurredAt: Date };
}

export interface NotifyAuthorityOfBreach {
  type: 'NotifyAuthorityOfBreach';
  data: Omit<BreachAuthorityNotifiedData, 'delayReasons'> & { delayReasons?: string | null; occurredAt: Date };
}

export interface NotifySubjectsOfBreach {
  type: 'NotifySubjectsOfBreach';
  data: BreachSubjectsNotifiedData & { occurredAt: Date };
}

export interface CloseBreach {
  type: 'CloseBreach';
  data: { breachId: string; summary?: string | null; occurredAt: Date };
}

export type BreachCommand = RecordBreach | NotifyControllerOfBreach | NotifyAuthorityOfBreach | NotifySubjectsOfBreach | CloseBreach;
