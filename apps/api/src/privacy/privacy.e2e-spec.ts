import type { SqlClient } from '@ledger/event-store';
import { findChainBreak } from '@ledger/integrity';
import { ApiHarness, mutationResult, runLedgerCli, startApi, storagesUnderTest } from '@ledger/testing';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readZip } from '../../../cli/src/commands/verify.command';
import { pdfText } from '../exports/testdata/pdf-text';
import { SQL_CLIENT } from '../ledger/ledger.tokens';

const RECEIVE = `mutation R($input: ReceiveDataSubjectRequestInput!) { receiveDataSubjectRequest(input: $input) {
  dataSubjectRequest { id stream requester { name email phone subjectId erased } } } }`;
const GET = `query Get($id: ID!) { dataSubjectRequest(id: $id) { requester { name email phone subjectId erased } } }`;
const LIST = `query { dataSubjectRequests(first: 10) { edges { node { id requester { email erased } } } } }`;
const ERASE = `mutation E($input: EraseSubjectInput!) { eraseSubject(input: $input) {
  erasure { subjectId ground reason erasedAt } ledger { stream events { type revision } } } }`;
const CONSENT = `mutation C($input: RecordConsentInput!) { recordConsent(input: $input) { fact { subjectId } ledger { stream } } }`;
const OBJECT = `mutation O($input: RecordObjectionInput!) { recordObjection(input: $input) { fact { subjectId } ledger { stream } } }`;
const PERMISSION = `query P($subject: String!, $channel: ContactChannel!) { contactPermission(subject: $subject, channel: $channel, audience: B2B, purpose: "news") { allowed rule } }`;
const HISTORY = `query H($stream: String!) { history(stream: $stream) {
  eventId stream revision type schemaVersion data openedData metadata { tenantId actor { id role keyId } commandId correlationId causationId occurredAt recordedAt } prevHash hash } }`;

const jeanne = { name: 'Jeanne Martin', email: 'jeanne.martin@example.org', phone: '+33 6 12 34 56 78' };
const paul = { name: 'Paul Durand', email: 'paul.durand@example.org' };
const PLAINTEXT = [jeanne.name, jeanne.email, jeanne.phone, '33612345678'];

/** Where `needle` would show in a column: as text, as hex, and as base64 at each of the three byte alignments. */
function encodingsOf(needle: string): Array<{ form: string; text: string; caseless: boolean }> {
  const bytes = Buffer.from(needle, 'utf8');
  const base64 = [0, 1, 2].map((k) => {
    const encoded = Buffer.concat([Buffer.alloc(k), bytes]).toString('base64');
    return encoded.slice(k ? 4 : 0, (k + bytes.length) % 3 ? -4 : undefined);
  });
  return [
    { form: 'text', text: needle, caseless: true },
    { form: 'hex', text: bytes.toString('hex'), caseless: true },
    ...base64.map((text) => ({ form: 'base64', text, caseless: false })),
  ];
}

/**
 * Every column of every table of the database, whatever its type, as text (bytea as hex and as
 * base64), searched for each needle: generic, so tables added later are scanned too.
 */
async function findInDatabase(sql: SqlClient, needles: string[]): Promise<string[]> {
  const columns = await sql.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' ORDER BY 1, 2`,
  );
  expect(columns.length).toBeGreaterThan(20);
  const hits: string[] = [];
  for (const { table_name: table, column_name: column, data_type: type } of columns) {
    const ref = `"${table}"."${column}"`;
    const value = type === 'bytea' ? `encode(${ref}, 'hex') || ' ' || translate(encode(${ref}, 'base64'), E'\\n', '')` : `${ref}::text`;
    for (const needle of needles)
      for (const { form, text, caseless } of encodingsOf(needle)) {
        const match = caseless ? `strpos(lower(${value}), lower($1)) > 0` : `strpos(${value}, $1) > 0`;
        const [row] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE ${match}`, [text]);
        if (row.n > 0) hits.push(`${table}.${column} holds "${needle}" as ${form}`);
      }
  }
  return hits;
}

/**
 * Every export a user can download once the log's checkpoint covers `events`: the register as
 * JSON, CSV and PDF (its text, read from the inflated content streams), and each file of the
 * audit pack of the requests' controller.
 */
async function findInExports(api: ApiHarness, events: number, needles: string[]): Promise<string[]> {
  for (let tries = 0; tries < 200 && (await api.gql('{ checkpoint { treeSize } }')).data.checkpoint?.treeSize !== events; tries++)
    await new Promise((resolve) => setTimeout(resolve, 50));
  const download = async (path: string) => {
    const response = await api.fetch(`${path}`);
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };
  const files = new Map<string, Buffer>([
    ['register.json', await download('/exports/register?format=json')],
    ['register.csv', await download('/exports/register?format=csv')],
    ['register.pdf', Buffer.from(pdfText(await download('/exports/register?format=pdf')), 'latin1')],
  ]);
  // The text was really read out of the compressed PDF, so searching it means something.
  expect(files.get('register.pdf')!.toString('latin1')).toContain(api.config.checkpoints.origin);
  const pack = join(api.config.dataDir, 'audit-pack.zip');
  writeFileSync(pack, await download('/exports/audit-pack?controllerId=acme-hr'));
  const packed = await readZip(pack);
  expect(packed.get('events.ndjson')!.toString('utf8')).toContain('DataSubjectRequestReceived');
  for (const [name, content] of packed) files.set(`audit-pack/${name}`, content);
  const hits: string[] = [];
  for (const [name, content] of files)
    for (const needle of needles)
      for (const { form, text, caseless } of encodingsOf(needle)) {
        const haystack = content.toString(form === 'hex' ? 'hex' : 'utf8');
        if (caseless ? haystack.toLowerCase().includes(text.toLowerCase()) : haystack.includes(text)) hits.push(`${name} holds "${needle}" as ${form}`);
      }
  return hits;
}

describe.each(storagesUnderTest())('erasing a data subject by crypto-shredding on the $name store (Art. 17)', (storage) => {
  let api: ApiHarness;
  let running: boolean;
  let sql: SqlClient;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    const prepared = await storage.config();
    dispose = prepared.dispose;
    api = await startApi(prepared.config);
    running = true;
    sql = api.app.get(SQL_CLIENT);
  });
  afterEach(async () => {
    if (running) await api.close();
    await dispose();
  });

  const receive = async (requester: Record<string, string>) =>
    (await mutationResult(api, RECEIVE, { controllerId: 'acme-hr', type: 'ERASURE', requester, occurredAt: '2026-01-31T09:00:00.000Z' })).dataSubjectRequest;
  const history = async (stream: string) => (await api.gql(HISTORY, { stream })).data.history;

  it('shows the requester while the key exists, stores it only sealed, then shows it erased everywhere with the chain intact', async () => {
    const first = await receive(jeanne);
    const second = await receive({ ...jeanne, email: 'Jeanne.Martin@EXAMPLE.org' });
    const other = await receive(paul);
    expect(first.requester).toMatchObject({ ...jeanne, erased: false, subjectId: expect.stringMatching(/^subj-[0-9a-f]{32}$/) });
    expect(second.requester.subjectId).toBe(first.requester.subjectId);
    expect(other.requester.subjectId).not.toBe(first.requester.subjectId);
    const subjectId = first.requester.subjectId;
    // The same person's consent (by e-mail: the same subject) and opt-out (by phone: a subject of its own).
    const consent = await mutationResult(api, CONSENT, { subject: jeanne.email, channel: 'EMAIL', purpose: 'news', source: 'signup form', occurredAt: '2026-01-31T09:00:00.000Z' });
    expect(consent.fact.subjectId).toBe(subjectId);
    const optOut = await mutationResult(api, OBJECT, { subject: jeanne.phone, channel: 'SMS', source: 'STOP reply', occurredAt: '2026-01-31T09:00:00.000Z' });

    const [received] = await history(first.stream);
    expect(received.data.requester).toEqual({ sealed: 'v1', subject: subjectId, iv: expect.any(String), ciphertext: expect.any(String), tag: expect.any(String) });
    expect(received.openedData).toEqual({ ...received.data, requester: jeanne });
    // Sealed from the first write: the plaintext never reached the database, only the key can recover it.
    expect(await findInDatabase(sql, PLAINTEXT)).toEqual([]);
    expect(await findInDatabase(sql, ['acme-hr'])).toEqual(expect.arrayContaining(['ledger_events.data holds "acme-hr" as text']));

    const erased = await mutationResult(api, ERASE, { email: 'JEANNE.martin@example.org', ground: 'CONSENT_WITHDRAWN', reason: 'Erasure request granted' });
    expect(erased.erasure).toMatchObject({ subjectId, ground: 'CONSENT_WITHDRAWN', reason: 'Erasure request granted' });
    expect(erased.ledger).toEqual({ stream: `subject-${subjectId}`, events: [{ type: 'SubjectErased', revision: 0 }] });
    const phoneErased = await mutationResult(api, ERASE, { phone: jeanne.phone, ground: 'OBJECTION', reason: 'Erasure request granted' });
    expect(phoneErased.erasure.subjectId).toBe(optOut.fact.subjectId);
    for (const stream of [consent.ledger.stream, optOut.ledger.stream]) expect((await history(stream))[0].openedData.subject).toMatchObject({ erased: true });
    // The opt-out outlives the erasure: the suppression list keeps a keyed hash of the number.
    expect((await api.gql(PERMISSION, { subject: jeanne.phone, channel: 'SMS' })).data.contactPermission).toEqual({ allowed: false, rule: 'OBJECTION' });

    for (const { id } of [first, second])
      expect((await api.gql(GET, { id })).data.dataSubjectRequest.requester).toEqual({ name: null, email: null, phone: null, subjectId, erased: true });
    expect((await api.gql(GET, { id: other.id })).data.dataSubjectRequest.requester).toMatchObject({ ...paul, erased: false });
    const listed = (await api.gql(LIST)).data.dataSubjectRequests.edges.map((e: any) => e.node.requester);
    expect(listed).toEqual([{ email: null, erased: true }, { email: null, erased: true }, { email: paul.email, erased: false }]);

    const dsrHistory = await history(first.stream);
    expect(dsrHistory[0].data).toEqual(received.data);
    expect(dsrHistory[0].openedData.requester).toEqual({ erased: true, subject: subjectId });
    const erasureHistory = await history(`subject-${subjectId}`);
    expect(erasureHistory[0]).toMatchObject({ type: 'SubjectErased', data: { subjectId, ground: 'CONSENT_WITHDRAWN', reason: 'Erasure request granted' } });
    for (const stream of [second.stream, other.stream, consent.ledger.stream, optOut.ledger.stream, `subject-${optOut.fact.subjectId}`])
      expect(findChainBreak(await history(stream))).toBeNull();
    for (const events of [dsrHistory, erasureHistory]) expect(findChainBreak(events)).toBeNull();

    expect(await findInDatabase(sql, PLAINTEXT)).toEqual([]);
    expect(await findInExports(api, 7, PLAINTEXT)).toEqual([]);
    expect(await findInExports(api, 7, ['acme-hr'])).toEqual(expect.arrayContaining(['audit-pack/events.ndjson holds "acme-hr" as text']));
    const [keys] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM ledger_subject_keys WHERE subject_id = $1', [subjectId]);
    expect(keys.n).toBe(0);

    // The embedded store allows one process: the service stops before the command opens it.
    await api.close();
    running = false;
    const env: Record<string, string> = { LEDGER_DATA_DIR: api.config.dataDir, DATABASE_URL: api.config.databaseUrl ?? '' };
    expect(runLedgerCli(['verify', '--store', '--no-progress'], env)).toMatchObject({ status: 0, stdout: expect.stringMatching(/^verified: 7 events, every stream chain/) });
  });

  it('refuses to erase a subject the ledger holds nothing about, one already erased, or an ambiguous request, appending nothing', async () => {
    const erase = (input: Record<string, unknown>) => api.gql(ERASE, { input: { ground: 'OBJECTION', reason: 'Objection upheld', ...input } });
    expect((await erase({ email: 'nobody@example.org' })).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', fields: [{ field: 'subjectId' }] });
    const { requester } = await receive(paul);
    expect((await erase({ email: paul.email, subjectId: requester.subjectId })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await erase({})).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await erase({ subjectId: 'jeanne' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.subjectId' }] });
    expect((await erase({ subjectId: requester.subjectId, reason: ' ' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await erase({ subjectId: requester.subjectId })).errors).toBeUndefined();
    const again = await erase({ subjectId: requester.subjectId });
    expect(again.errors?.[0]).toMatchObject({ message: expect.stringMatching(/already erased/), extensions: { code: 'BAD_USER_INPUT' } });
    expect(await history(`subject-${requester.subjectId}`)).toHaveLength(1);
  });

  it('finds a needle in any column as text, hex or base64, so that an empty scan means something', async () => {
    await sql.query('CREATE TABLE scan_probe (note text, blob bytea)');
    await sql.query('INSERT INTO scan_probe VALUES ($1, $2)', [`x${Buffer.from(`ab${jeanne.email}`).toString('base64')}`, Buffer.from(`z${jeanne.phone}`)]);
    expect(await findInDatabase(sql, [jeanne.email, jeanne.phone])).toEqual([
      `scan_probe.blob holds "${jeanne.phone}" as hex`,
      `scan_probe.blob holds "${jeanne.phone}" as base64`,
      `scan_probe.note holds "${jeanne.email}" as base64`,
    ]);
  });
});
