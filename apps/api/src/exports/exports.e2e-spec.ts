import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import yazl from 'yazl';
import type { LedgerConfig } from '@ledger/api/config';
import { exportAuditPack, exportRegister } from '../../../cli/src/commands/export.command';
import { readZip, verifyAuditPackFile } from '../../../cli/src/commands/verify.command';
import { generateSigner } from '@ledger/integrity';
import { ApiHarness, mutationResult, runLedgerCli, startApi, storagesUnderTest, tempDir } from '@ledger/testing';
import type { RegisterDocument } from './register-document';
import { renderRegister } from './register-formats';
import { pdfText } from './testdata/pdf-text';

const RECORD = `mutation R($input: RecordProcessingActivityInput!) { recordProcessingActivity(input: $input) {
  processingActivity { id stream } ledger { events { eventId } } } }`;
const AMEND = `mutation A($input: AmendProcessingActivityInput!) { amendProcessingActivity(input: $input) { ledger { events { eventId } } } }`;
const CHECKPOINT = `{ checkpoint { treeSize rootHash origin } }`;

const forController = (controllerId: string, name: string) => ({
  role: 'PROCESSOR',
  controllerId,
  name,
  categoriesOfProcessing: ['hosting', 'desk reservation'],
  transfers: [{ country: 'US', mechanism: 'STANDARD_CONTRACTUAL_CLAUSES' }],
  securityMeasures: 'Encryption at rest, SSO',
  occurredAt: '2026-03-01T09:00:00.000Z',
});

/** The same pack with one byte of one file changed, zipped again (a byte flipped in the zip itself would only break its CRC). */
async function tampered(source: string, target: string, file: string, at: (content: Buffer) => number): Promise<void> {
  const files = await readZip(source);
  const content = Buffer.from(files.get(file)!);
  const i = at(content);
  content[i] = content[i] === 0x61 ? 0x62 : 0x61;
  const zip = new yazl.ZipFile();
  for (const [name, data] of files) zip.addBuffer(name === file ? content : data, name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  writeFileSync(target, Buffer.concat(chunks));
}

describe.each(storagesUnderTest())('register exports and audit packs on the $name store', (storage) => {
  let api: ApiHarness;
  let config: LedgerConfig;
  let dispose: () => Promise<void>;
  const dir = tempDir();
  const acme: string[] = [];
  let globexEvent: string;
  let checkpoint: { treeSize: number; rootHash: string; origin: string };

  beforeAll(async () => {
    ({ config, dispose } = await storage.config());
    api = await startApi(config);
    const desk = await mutationResult(api, RECORD, { input: forController('acme-hr', 'Desk booking for Acme staff') }.input);
    acme.push(desk.ledger.events[0].eventId);
    const amended = await mutationResult(api, AMEND, {
      processingActivityId: desk.processingActivity.id,
      name: 'Desk booking for Acme staff',
      categoriesOfProcessing: ['hosting'],
      securityMeasures: 'Encryption at rest, SSO, "quoted"; and, commas',
      occurredAt: '2026-03-02T09:00:00.000Z',
    });
    acme.push(amended.ledger.events[0].eventId);
    const payroll = await mutationResult(api, RECORD, { ...forController('acme-hr', 'Payroll support'), occurredAt: '2026-03-03T09:00:00.000Z' });
    acme.push(payroll.ledger.events[0].eventId);
    globexEvent = (await mutationResult(api, RECORD, forController('globex', 'Globex helpdesk'))).ledger.events[0].eventId;
    await mutationResult(api, RECORD, {
      role: 'CONTROLLER',
      name: 'Payroll of our staff',
      purposes: ['pay salaries'],
      dataSubjectCategories: ['employees'],
      personalDataCategories: ['identity', 'bank details'],
      recipientCategories: ['payroll provider'],
      legalBases: ['LEGAL_OBLIGATION', 'CONTRACT'],
      erasureTimeLimits: '5 years after leaving',
      occurredAt: '2026-03-01T09:00:00.000Z',
    });
    for (let tries = 0; tries < 200 && checkpoint?.treeSize !== 5; tries++) {
      checkpoint = (await api.gql(CHECKPOINT)).data.checkpoint;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(checkpoint.treeSize).toBe(5);
  });
  afterAll(async () => {
    await api.close();
    await dispose();
    dir.remove();
  });

  const download = async (path: string) => {
    const response = await api.fetch(`${path}`);
    return { response, body: Buffer.from(await response.arrayBuffer()) };
  };

  it('downloads the Art. 30(2) register as JSON stating its checkpoint, one entry per activity in force', async () => {
    const { response, body } = await download('/exports/register?format=json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="?register-processor-\d{4}-\d\d-\d\d\.json"?$/);
    const document: RegisterDocument = JSON.parse(body.toString('utf8'));
    expect(document).toMatchObject({ record: 'PROCESSOR', tenantId: 'default', checkpoint: { treeSize: 5, rootHash: checkpoint.rootHash, origin: checkpoint.origin } });
    expect(document.activities.map((a) => [a.name, a.controllerId, a.revision])).toEqual([
      ['Desk booking for Acme staff', 'acme-hr', 1],
      ['Payroll support', 'acme-hr', 0],
      ['Globex helpdesk', 'globex', 0],
    ]);
  });

  it('downloads it as CSV with the Art. 30(2) columns, which parses back cell by cell', async () => {
    const { response, body } = await download('/exports/register?format=csv&controllerId=acme-hr');
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('x-ledger-tree-size')).toBe('5');
    const [header, ...rows] = parse(body.toString('utf8')) as string[][];
    expect(header).toEqual([
      'Processing activity',
      'Name',
      'Controller',
      'Categories of processing',
      'Transfers to third countries and safeguards',
      'Security measures',
      'Recorded',
      'Last amended',
      'Evidence',
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[0].slice(1)).toEqual([
      'Desk booking for Acme staff',
      'acme-hr',
      'hosting',
      '',
      'Encryption at rest, SSO, "quoted"; and, commas',
      '2026-03-01T09:00:00.000Z',
      '2026-03-02T09:00:00.000Z',
      expect.stringMatching(/^processing-activity-.+@1$/),
    ]);
    expect(rows[1][4]).toBe('US (STANDARD_CONTRACTUAL_CLAUSES)');
  });

  it("downloads the tenant's own Art. 30(1) record with its own columns", async () => {
    const { body } = await download('/exports/register?format=csv&record=CONTROLLER');
    const [header, ...rows] = parse(body.toString('utf8')) as string[][];
    expect(header.slice(1, -3)).toEqual([
      'Name',
      'Purposes',
      'Categories of data subjects',
      'Categories of personal data',
      'Categories of recipients',
      'Legal bases',
      'Transfers to third countries and safeguards',
      'Erasure time limits',
      'Security measures',
    ]);
    expect(rows.map((row) => row.slice(1, -3))).toEqual([
      ['Payroll of our staff', 'pay salaries', 'employees', 'identity; bank details', 'payroll provider', 'LEGAL_OBLIGATION; CONTRACT', '', '5 years after leaving', ''],
    ]);
  });

  it('downloads it as a PDF a person can read, with the checkpoint printed on it', async () => {
    const { response, body } = await download('/exports/register?format=pdf&controllerId=acme-hr');
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(body.subarray(-6).toString('latin1')).toMatch(/%%EOF/);
    expect(body.toString('latin1')).toContain(`checkpoint ${checkpoint.origin} 5 ${checkpoint.rootHash}`);

    const document: RegisterDocument = JSON.parse((await download('/exports/register?format=json&controllerId=acme-hr')).body.toString('utf8'));
    const text = pdfText(await renderRegister(document, 'pdf', { compress: false }));
    expect(text).toMatch(/^Record of processing activities carried out on behalf of controllers\W+\(Art\. 30\(2\) GDPR\)/);
    expect(text).toContain('Processor: default');
    expect(text).toContain(`Log (signed note origin): ${checkpoint.origin}`);
    expect(text).toContain('Tree size: 5');
    expect(text).toContain(`Root hash: ${checkpoint.rootHash}`);
    expect(text).toContain('Desk booking for Acme staff');
    expect(text).toContain('Payroll support');
    expect(text).toMatch(/Transfers to third countries and safeguards \(Art\. 30\(2\)\(c\)\):\W+US \(STANDARD_CONTRACTUAL_CLAUSES\)/);
    expect(text).not.toContain('Globex helpdesk');
  });

  it('refuses a bad format or date with a coded error', async () => {
    const bad = await download('/exports/register?format=xls');
    expect(bad.response.status).toBe(400);
    expect(JSON.parse(bad.body.toString('utf8'))).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'format' }] });
    const badDate = await download('/exports/audit-pack?controllerId=acme-hr&asOf=yesterday');
    expect(badDate.response.status).toBe(400);
    expect(JSON.parse(badDate.body.toString('utf8'))).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'asOf' }] });
  });

  it('downloads an audit pack that verifies offline; one byte changed in its events file fails and names the event', async () => {
    const { response, body } = await download('/exports/audit-pack?controllerId=acme-hr');
    expect(response.headers.get('content-type')).toBe('application/zip');
    const pack = join(dir.path, `http-${storage.name}.zip`);
    writeFileSync(pack, body);
    const files = await readZip(pack);
    const lines = files.get('events.ndjson')!.toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((e) => e.eventId)).toEqual(acme);
    expect(lines.map((e) => e.eventId)).not.toContain(globexEvent);
    expect([...files.keys()].filter((n) => n.startsWith('proofs/')).sort()).toEqual(acme.map((id) => `proofs/${id}.tlog-proof`).sort());
    expect(files.get('README.md')!.toString('utf8')).toContain(`ledger verify audit-pack-acme-hr-`);

    const verified = await verifyAuditPackFile(pack, {});
    expect(verified).toEqual({ ok: true, line: expect.stringMatching(/^verified: audit pack of 3 events and 2 register entries/) });

    const broken = join(dir.path, `http-tampered-${storage.name}.zip`);
    await tampered(pack, broken, 'events.ndjson', (content) => {
      const second = content.indexOf('\n') + 1;
      return content.indexOf('hosting', second) + 2;
    });
    const outcome = await verifyAuditPackFile(broken, {});
    expect(outcome.ok).toBe(false);
    expect(outcome.line).toBe(`event-mismatch: event ${acme[1]} (line 2 of events.ndjson): its bytes do not match its hash ${lines[1].hash}`);
  });

  describe('from the CLI, reading the store directly (the service stopped)', () => {
    beforeAll(() => api.close());
    afterAll(() => api.restart());

    it('exports the register as JSON, CSV and PDF files stating the same checkpoint', async () => {
      for (const format of ['json', 'csv', 'pdf'] as const)
        await exportRegister(config, { format, record: 'PROCESSOR', controller: 'acme-hr', out: join(dir.path, `register-${storage.name}.${format}`) });
      const json: RegisterDocument = JSON.parse(readFileSync(join(dir.path, `register-${storage.name}.json`), 'utf8'));
      expect(json.checkpoint).toMatchObject({ treeSize: 5, rootHash: checkpoint.rootHash });
      expect(json.activities).toHaveLength(2);
      const csv = parse(readFileSync(join(dir.path, `register-${storage.name}.csv`), 'utf8')) as string[][];
      expect(csv.slice(1).map((row) => row[1])).toEqual(['Desk booking for Acme staff', 'Payroll support']);
      const pdf = readFileSync(join(dir.path, `register-${storage.name}.pdf`));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.toString('latin1')).toContain(`5 ${checkpoint.rootHash}`);
    });

    it('exports an audit pack that `ledger verify` accepts with the pinned key, and refuses under another key', async () => {
      const pack = join(dir.path, `cli-${storage.name}.zip`);
      await exportAuditPack(config, { controller: 'acme-hr', out: pack, progress: false });
      const key = readZipText(await readZip(pack), 'verifier-key.txt');
      expect((await verifyAuditPackFile(pack, { key })).line).toMatch(/^verified: audit pack of 3 events .* signed by the given key$/);
      const otherKey = generateSigner(config.checkpoints.origin).verifierKey;
      expect((await verifyAuditPackFile(pack, { key: otherKey })).line).toMatch(/^invalid-signature: /);

      const broken = join(dir.path, `cli-tampered-${storage.name}.zip`);
      await tampered(pack, broken, 'events.ndjson', (content) => content.lastIndexOf('Payroll') + 1);
      expect((await verifyAuditPackFile(broken, { key })).line).toMatch(new RegExp(`^event-mismatch: event ${acme[2]} \\(line 3 of events.ndjson\\)`));
    });

    it('`ledger export audit-pack` and `ledger verify PACK.zip` work as commands: one line, exit 0, or 1 naming the event', () => {
      const env = {
        DATABASE_URL: config.databaseUrl ?? '',
        LEDGER_DATA_DIR: config.dataDir,
        LEDGER_LOG_ORIGIN: config.checkpoints.origin,
        LEDGER_SIGNER_KEY_FILE: config.checkpoints.signerKeyFile,
      };
      const pack = join(dir.path, `command-${storage.name}.zip`);
      const exported = runLedgerCli(['export', 'audit-pack', '--controller', 'acme-hr', '--out', pack, '--no-progress'], env);
      expect(exported).toMatchObject({ status: 0, stderr: expect.stringMatching(/audit pack for acme-hr: 3 events, 2 processing activities, checkpoint size 5/) });
      const verified = runLedgerCli(['verify', pack], {});
      expect(verified).toMatchObject({ status: 0, stdout: expect.stringMatching(/^verified: audit pack of 3 events/) });
      expect(verified.stdout.trim().split('\n')).toHaveLength(1);
      const register = runLedgerCli(['export', 'register', '--format', 'csv', '--controller', 'acme-hr'], env);
      expect(register.status).toBe(0);
      expect((parse(register.stdout) as string[][]).map((row) => row[1])).toEqual(['Name', 'Desk booking for Acme staff', 'Payroll support']);
    });

    it('`ledger verify` exits 1 naming the event after one byte of the events file changed', async () => {
      const broken = join(dir.path, `command-tampered-${storage.name}.zip`);
      await tampered(join(dir.path, `command-${storage.name}.zip`), broken, 'events.ndjson', (content) => content.indexOf('acme-hr') + 1);
      const outcome = runLedgerCli(['verify', broken], {});
      expect(outcome).toMatchObject({ status: 1, stdout: '' });
      expect(outcome.stderr).toMatch(new RegExp(`^event-mismatch: event ${acme[0]} \\(line 1 of events.ndjson\\)`));
    });

    it('exports the register as it stood at an earlier date, from the same checkpoint', async () => {
      const out = join(dir.path, `as-of-${storage.name}.json`);
      await exportRegister(config, { format: 'json', record: 'PROCESSOR', controller: 'acme-hr', asOf: '2026-03-01T12:00:00Z', out });
      const document: RegisterDocument = JSON.parse(readFileSync(out, 'utf8'));
      expect(document.checkpoint).toMatchObject({ treeSize: 5, rootHash: checkpoint.rootHash });
      // On 1 March only the desk booking existed, before its amendment of 2 March.
      expect(document.activities).toEqual([
        expect.objectContaining({ name: 'Desk booking for Acme staff', categoriesOfProcessing: ['hosting', 'desk reservation'], securityMeasures: 'Encryption at rest, SSO' }),
      ]);
    });

    it('refuses an audit pack without a controller, and a tree size no checkpoint was signed at', async () => {
      await expect(exportAuditPack(config, { controller: ' ', progress: false })).rejects.toThrow(/give controllerId/);
      await expect(exportRegister(config, { format: 'json', record: 'PROCESSOR', knownAt: '6', out: join(dir.path, 'x.json') })).rejects.toThrow(
        /no checkpoint was signed at tree size 6/,
      );
    });
  });
});

function readZipText(files: Map<string, Buffer>, name: string): string {
  return files.get(name)!.toString('utf8').trim();
}
