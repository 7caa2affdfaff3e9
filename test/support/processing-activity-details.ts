import type { ProcessingActivityDetails } from '@ledger/domain';

/** Every Art. 30 column of a processing activity left empty: tests spread it and fill in what they check. */
export const EMPTY_ACTIVITY_DETAILS: ProcessingActivityDetails = {
  name: '',
  categoriesOfProcessing: [],
  purposes: [],
  dataSubjectCategories: [],
  personalDataCategories: [],
  recipientCategories: [],
  legalBases: [],
  transfers: [],
  erasureTimeLimits: null,
  securityMeasures: null,
};
