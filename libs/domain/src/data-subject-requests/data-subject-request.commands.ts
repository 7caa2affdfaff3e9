import { DataSubjectRight, Requester } from './data-subject-request.events';

export interface ReceiveDataSubjectRequest {
  type: 'ReceiveDataSubjectRequest';
  /** occurredAt is the receipt, from which Art. 12(3) counts the month. */
  data: {
    requestId: string;
    controllerId: string;
    requestType: DataSubjectRight;
    requester: Partial<Requester>;
    occurredAt: Date;
  };
}

export interface ForwardDataSubjectRequest {
  type: 'ForwardDataSubjectRequest';
  data: { requestId: string; occurredAt: Date };
}

export interface ExtendDataSubjectRequest {
  type: 'ExtendDataSubjectRequest';
  data: { requestId: string; months: number; reason: string; occurredAt: Date };
}

export interface CompleteDataSubjectRequest {
  type: 'CompleteDataSubjectRequest';
  data: { requestId: string; occurredAt: Date };
}

export interface RefuseDataSubjectRequest {
  type: 'RefuseDataSubjectRequest';
  data: { requestId: string; reason: string; occurredAt: Date };
}

export type DataSubjectRequestCommand =
  | ReceiveDataSubjectRequest
  | ForwardDataSubjectRequest
  | ExtendDataSubjectRequest
  | CompleteDataSubjectRequest
  | RefuseDataSubjectRequest;
