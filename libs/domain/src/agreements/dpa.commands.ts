import { DpaTerms } from './dpa.events';

export interface SignDataProcessingAgreement {
  type: 'SignDataProcessingAgreement';
  data: DpaTerms & { controllerId: string; effectiveDate: Date; occurredAt: Date };
}

/** Any subset of the terms; the start of an agreement is not a term (it decides which instructions it covered). */
export interface AmendDataProcessingAgreement {
  type: 'AmendDataProcessingAgreement';
  data: Partial<DpaTerms> & { controllerId: string; occurredAt: Date };
}

export interface TerminateDataProcessingAgreement {
  type: 'TerminateDataProcessingAgreement';
  data: { controllerId: string; effectiveDate: Date; occurredAt: Date };
}

export interface RecordControllerDataReturned {
  type: 'RecordControllerDataReturned';
  data: { controllerId: string; occurredAt: Date };
}

export interface RecordControllerDataDeleted {
  type: 'RecordControllerDataDeleted';
  data: { controllerId: string; occurredAt: Date };
}

export type DpaCommand =
  | SignDataProcessingAgreement
  | AmendDataProcessingAgreement
  | TerminateDataProcessingAgreement
  | RecordControllerDataReturned
  | RecordControllerDataDeleted;
