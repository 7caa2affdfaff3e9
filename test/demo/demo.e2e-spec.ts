import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type OperationDefinitionNode } from 'graphql';
import { demo } from '../../apps/cli/src/commands/demo.command';
import { DEMO_QUERIES } from '../../apps/cli/src/demo';
import { ApiHarness, bearer, issueKey, startApi, storagesUnderTest } from '@ledger/testing';

const QUERIES_FILE = join(process.cwd(), 'docs/demo-queries.graphql');
const operations = parse(DEMO_QUERIES).definitions.map((d) => (d as OperationDefinitionNode).name!.value);
const OVERDUE = `{ deadlines(overdueOnly: true, first: 100) { edges { node { kind stream controllerId dueAt overdue sourceEventIds } } } }`;
const REGISTER = `{ register(controllerId: "northwind") { edges { node { name controllerId } } } }`;

describe.each(storagesUnderTest())('ledger demo on the $name store', (storage) => {
  let api: ApiHarness | undefined;
  let dispose: () => Promise<void>;
  afterEach(async () => {
    await api?.close();
    await dispose();
  });

  it('loads three processors through the command path, appends nothing when run again, and answers the README queries', async () => {
    const prepared = await storage.config();
    dispose = prepared.dispose;
    let printed = '';
    const first = await demo(prepared.config, (text) => (printed += text));
    expect(first.map((o) => o.scenario.tenantId)).toEqual(['default', 'demo-training', 'demo-prospecting']);
    for (const outcome of first) expect(outcome).toMatchObject({ replayed: 0, appended: outcome.commands, overdueNow: expect.any(Number) });
    expect(first.every((o) => o.overdueNow > 0)).toBe(true);
    expect(printed).toContain('ledger keys create --name trainer --role processor --tenant demo-training');
    expect(printed).toContain(DEMO_QUERIES);

    let again = '';
    const second = await demo(prepared.config, (text) => (again += text));
    for (const [i, outcome] of second.entries()) expect(outcome).toMatchObject({ commands: first[i].commands, appended: 0, replayed: first[i].commands, events: 0 });
    expect(again).toContain('already loaded, nothing appended');

    api = await startApi(prepared.config);
    const overdue = (await api.gql(OVERDUE)).data.deadlines.edges.map((e: any) => e.node);
    // The HR tool's access request (received 45 days ago) and the audit due 5 days ago are both late.
    expect(overdue).toEqual([
      expect.objectContaining({ kind: 'DATA_SUBJECT_REQUEST_RESPONSE', stream: 'dsr-deskflow-northwind-access', controllerId: 'northwind', overdue: true }),
      expect.objectContaining({ kind: 'AUDIT_DUE', stream: 'audit-deskflow-audit-contoso-2026', controllerId: 'contoso', overdue: true }),
    ]);
    const history = (await api.gql(`{ history(stream: "dsr-deskflow-northwind-access") { eventId type } }`)).data.history;
    expect(overdue[0].sourceEventIds).toEqual([history[0].eventId]);
    const register = (await api.gql(REGISTER)).data.register.edges.map((e: any) => e.node);
    expect(register.map((r: any) => r.name)).toEqual(['Desk booking and office presence', 'Calendar synchronisation']);
    // The other tenants, each with a key of its own (issued as the demo's report says).
    const trainer = await issueKey(api.url, { name: 'trainer', role: 'processor', tenantId: 'demo-training' }, api.adminToken);
    const agreements = '{ dataProcessingAgreements { edges { node { controllerName } } } }';
    const theirs = (await api.gql(agreements, {}, bearer(trainer.token))).data.dataProcessingAgreements.edges.map((e: any) => e.node.controllerName);
    const ours = (await api.gql(agreements)).data.dataProcessingAgreements.edges.map((e: any) => e.node.controllerName);
    expect(theirs).toHaveLength(3);
    expect(theirs.filter((name: string) => ours.includes(name))).toEqual([]);

    expect(readFileSync(QUERIES_FILE, 'utf8')).toBe(DEMO_QUERIES);
    for (const operationName of operations) {
      const answered = await api.fetch(`/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: DEMO_QUERIES, operationName }),
      }).then((r) => r.json());
      expect({ operationName, errors: answered.errors }).toEqual({ operationName, errors: undefined });
      const [result] = Object.values(answered.data) as any[];
      expect({ operationName, empty: (Array.isArray(result) ? result : result.edges).length === 0 }).toEqual({ operationName, empty: false });
    }
  }, 600_000);
});
