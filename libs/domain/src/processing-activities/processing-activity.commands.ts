import { TransferMechanism } from '../shared';
import { LegalBasis, ProcessingRole } from './processing-activity.events';

/** The register columns as a caller gives them: unused ones may be left out. */
export interface ProcessingActivityDetailsInput {
  name: string;
  categoriesOfProcessing?: string[] | null;
  purposes?: string[] | null;
  dataSubjectCategories?: string[] | null;
  personalDataCategories?: string[] | null;
  recipientCategories?: string[] | null;
  legalBases?: LegalBasis[] | null;
  transfers?: Array<{ country: string; mechanism: TransferMechanism }> | null;
  erasureTimeLimits?: string | null;
  securityMeasures?: string | null;
}

export interface RecordProcessingActivity {
  type: 'RecordProcessingActivity';
  data: ProcessingActivityDetailsInput & {
    processingActivityId: string;
    role: ProcessingRole;
    controllerId?: string | null;
    occurredAt: Date;
  };
}

/** Replaces every column; the role and the controller stay as recorded. */
export interface AmendProcessingActivity {
  type: 'AmendProcessingActivity';
  data: ProcessingActivityDetailsInput & { processingActivityId: string; occurredAt: Date };
}

export interface RetireProcessingActivity {
  type: 'RetireProcessingActivity';
  data: { processingActivityId: string; reason?: string | null; occurredAt: Date };
}

export type ProcessingActivityCommand = RecordProcessingActivity | AmendProcessingActivity | RetireProcessingActivity;
