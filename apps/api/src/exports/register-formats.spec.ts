import { parse } from 'csv-parse/sync';
import type { ProcessingActivityRecord } from '@ledger/projections';
import { FieldSealer, SqlSubjectKeyStore } from '@ledger/privacy';
import { EMPTY_ACTIVITY_DETAILS, openTestEventStore, storagesUnderTest, type TestEventStore } from '@ledger/testing';
import { openedActivities, REGISTER_FORMAT, type RegisterDocument } from './register-document';
import { renderRegister } from './register-formats';
import { pdfText } from './testdata/pdf-text';

const [embedded] = storagesUnderTest();

const activity = (securityMeasures: unknown): ProcessingActivityRecord =>
  ({
    processingActivityId: 'pa-1',
    role: 'PROCESSOR',
    controllerId: 'acme-hr',
    ...EMPTY_ACTIVITY_DETAILS,
    name: 'Payroll support',
    categoriesOfProcessing: ['payroll'],
    securityMeasures,
    status: 'IN_FORCE',
    recordedAt: new Date('2026-03-01T09:00:00.000Z'),
    amendedAt: null,
    retiredAt: null,
    retirementReason: null,
    lastOccurredAt: new Date('2026-03-01T09:00:00.000Z'),
    stream: 'processing-activity-pa-1',
    revision: 0,
  }) as unknown as ProcessingActivityRecord;

const documentOf = (activities: RegisterDocument['activities']): RegisterDocument => ({
  format: REGISTER_FORMAT,
  tenantId: 'default',
  record: 'PROCESSOR',
  controllerId: null,
  asOf: '2026-04-01T00:00:00.000Z',
  knownAt: null,
  generatedAt: '2026-04-01T00:00:00.000Z',
  checkpoint: { origin: 'ledger.example/log', treeSize: 7, rootHash: 'ab'.repeat(32), note: '' },
  activities,
});

describe('personal data in register exports', () => {
  let db: TestEventStore;
  let sealer: FieldSealer;
  let keys: SqlSubjectKeyStore;
  beforeAll(async () => {
    db = await openTestEventStore(embedded);
    keys = await SqlSubjectKeyStore.open(db.sql);
    sealer = new FieldSealer(keys);
  });
  afterAll(() => db.close());

  it('shows a sealed field opened while its subject has a key, and as erased once the subject is erased, in every format', async () => {
    const sealed = await sealer.seal('default', 'subject-9', 'Badge reader logs of Jane Roe');
    const record = activity(sealed);
    const [opened] = await openedActivities(sealer, 'default', [record]);
    expect(opened).toMatchObject({ securityMeasures: 'Badge reader logs of Jane Roe', recordedAt: '2026-03-01T09:00:00.000Z' });

    await keys.destroy('default', 'subject-9');
    const [erased] = await openedActivities(sealer, 'default', [record]);
    expect(erased.securityMeasures).toEqual({ erased: true, subject: 'subject-9' });
    const document = documentOf([erased]);
    const csv = (await renderRegister(document, 'csv')).toString('utf8');
    expect((parse(csv) as string[][])[1][5]).toBe('[erased]');
    for (const format of ['csv', 'json'] as const) {
      const text = (await renderRegister(document, format)).toString('utf8');
      expect(text).not.toContain('Jane Roe');
      expect(text).not.toContain(sealed.ciphertext);
    }
    const pdf = pdfText(await renderRegister(document, 'pdf', { compress: false }));
    expect(pdf).toMatch(/Security measures \(Art\. 30\(2\)\(d\)\):\W+\[erased\]/);
    expect(pdf).not.toContain('Jane Roe');
  });
});
