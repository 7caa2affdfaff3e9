import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { startApi, storagesUnderTest, tempDir } from '@ledger/testing';
import { importOptOuts } from './import-opt-outs.command';

const PERMISSION = `query P($subject: String!, $channel: ContactChannel!) {
  contactPermission(subject: $subject, channel: $channel, audience: B2B, purpose: "launch") { allowed rule eventIds } }`;

const FILE = [
  'identifier,channel,purpose,source,occurredAt',
  'Jeanne.Martin@Example.org,email,,unsubscribe link,2026-05-01T09:00:00Z',
  '"+33 6 12 34 56 78",SMS,launch,"call centre, Lyon",2026-05-01',
  '06 98 76 54 32,PHONE,,,2026-05-02',
  'not-an-address@,EMAIL,,,2026-05-02',
  'paul@example.org,FAX,,,2026-05-02',
  'paul@example.org,EMAIL,,,yesterday',
  'paul@example.org,SMS,,,2026-05-02',
  '',
  ' jeanne.martin@example.org ,EMAIL,,unsubscribe link,2026-05-01T09:00:00.000Z',
  'paul@example.org,post,catalogue,,2026-05-03',
  'jeanne.martin@example.org,EMAIL,launch,,2026-04-01',
].join('\n');

describe.each(storagesUnderTest())('ledger import opt-outs on the $name store', (storage) => {
  let dir: ReturnType<typeof tempDir>;
  let dispose: () => Promise<void>;
  let config: Awaited<ReturnType<typeof storage.config>>['config'];
  beforeEach(async () => {
    dir = tempDir();
    ({ config, dispose } = await storage.config());
  });
  afterEach(async () => {
    await dispose();
    dir.remove();
  });
  const quiet = () => undefined;

  it('records the valid rows, writes the others with line and reason to the reject file, and appends nothing when run again', async () => {
    const file = join(dir.path, 'opt-outs.csv');
    writeFileSync(file, FILE);
    const first = await importOptOuts(config, file, { progress: false, batchSize: 3 }, quiet);
    expect(first).toEqual({ rows: 10, appended: 3, alreadyImported: 1, rejected: 6, rejectsFile: join(dir.path, 'opt-outs.rejects.csv') });
    const rejects = parse(readFileSync(first.rejectsFile), { columns: true }) as Array<Record<string, string>>;
    expect(rejects.map((r) => [r.line, r.identifier, r.reason])).toEqual([
      ['4', '06 98 76 54 32', expect.stringMatching(/without country code/)],
      ['5', 'not-an-address@', expect.stringMatching(/not a valid e-mail address/)],
      ['6', 'paul@example.org', expect.stringMatching(/channel must be one of EMAIL, SMS, PHONE, POST/)],
      ['7', 'paul@example.org', expect.stringMatching(/occurredAt must be an ISO 8601 date/)],
      ['8', 'paul@example.org', expect.stringMatching(/needs a phone number/)],
      ['12', 'jeanne.martin@example.org', expect.stringMatching(/earlier than the last event/)],
    ]);

    let printed = '';
    const again = await importOptOuts(config, file, { progress: false, rejects: join(dir.path, 'again.csv') }, (text) => (printed += text));
    expect(again).toMatchObject({ rows: 10, appended: 0, alreadyImported: 4, rejected: 6 });
    expect(printed).toMatch(/10 rows read .* 0 opt-outs recorded, 4 already imported, 6 rejected/);

    const fixed = join(dir.path, 'fixed.csv');
    writeFileSync(fixed, ['channel,identifier,occurredAt', 'PHONE,06 98 76 54 32,2026-05-02'].join('\r\n'));
    expect(await importOptOuts(config, fixed, { progress: false, defaultCountry: 'FR' }, quiet)).toMatchObject({ appended: 1, rejected: 0 });

    const api = await startApi(config);
    try {
      const ask = async (subject: string, channel: string) => (await api.gql(PERMISSION, { subject, channel })).data.contactPermission;
      expect(await ask('jeanne.martin@example.org', 'EMAIL')).toMatchObject({ allowed: false, rule: 'OBJECTION', eventIds: [expect.any(String)] });
      expect(await ask('+33612345678', 'SMS')).toMatchObject({ allowed: false, rule: 'OBJECTION' });
      expect(await ask('+33698765432', 'PHONE')).toMatchObject({ allowed: false, rule: 'OBJECTION' });
      expect(await ask('paul@example.org', 'EMAIL')).toMatchObject({ allowed: true, rule: 'PROFESSIONAL_OPT_OUT' });
      expect(await ask('paul@example.org', 'POST')).toMatchObject({ allowed: true, rule: 'OPT_OUT_CHANNEL' });
    } finally {
      await api.close();
    }
  });

  it('refuses a file whose header misses a required column or names an unknown one, recording nothing', async () => {
    const file = join(dir.path, 'bad.csv');
    writeFileSync(file, 'email,channel,occurredAt\njeanne@example.org,EMAIL,2026-05-01\n');
    await expect(importOptOuts(config, file, { progress: false }, quiet)).rejects.toThrow(/missing: identifier; unknown: email/);
  });
});
