/** A breach to record through the API in EventStoreDB mode: any valid command would do, this one writes to a read model. */
export const BREACH_INPUT = {
  nature: 'Backup bucket readable without authentication',
  dataSubjectCategories: ['employees'],
  approximateDataSubjectCount: 1200,
  recordCategories: ['badge access logs'],
  approximateRecordCount: 50000,
  likelyConsequences: 'Disclosure of office presence patterns',
  measures: 'Bucket made private, keys rotated',
  controllerIds: ['acme-hr'],
  riskLevel: 'HIGH_RISK',
  occurredAt: '2026-03-10T08:00:00.000Z',
};
