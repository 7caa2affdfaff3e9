import { EventStore, NO_STREAM } from '@ledger/event-store';
import { ProjectionRunner } from '@ledger/projections';
import { ApiHarness, startApi, storagesUnderTest } from '@ledger/testing';
import { EVENT_STORE } from '@ledger/api/ledger/ledger.tokens';

const SIGN = `mutation($input: SignDataProcessingAgreementInput!) { signDataProcessingAgreement(input: $input) { agreement { controllerId } } }`;
const RECEIVE = `mutation($input: ReceiveInstructionInput!) { receiveInstruction(input: $input) { instruction { id } } }`;
const ACKNOWLEDGE = `mutation($input: AcknowledgeInstructionInput!) { acknowledgeInstruction(input: $input) { instruction { id } } }`;

/** The samples of a Prometheus text exposition, keyed by series name and labels as written. */
function parseMetrics(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return samples;
}

const scrape = async (api: ApiHarness) => {
  const response = await fetch(`${api.url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  return parseMetrics(await response.text());
};

const PROJECTIONS = ['merkle-log', 'instructions', 'data-processing-agreements', 'deadlines'];

describe.each(storagesUnderTest())('/metrics and /health on the $name store', (storage) => {
  it('counts commands by type and outcome, times appends, and shows no lag once mutations are answered', async () => {
    const prepared = await storage.config();
    const api = await startApi(prepared.config);
    try {
      const signed = await api.gql(SIGN, {
        input: { controllerId: 'acme', controllerName: 'Acme', effectiveDate: '2020-01-01T00:00:00Z', clauses: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'], subprocessorAuthorisation: 'GENERAL' },
      });
      expect(signed.errors).toBeUndefined();
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const received = await api.gql(RECEIVE, { input: { controllerId: 'acme', subject: `s${i}`, text: 'Keep invoices', channel: 'EMAIL' } });
        ids.push(received.data.receiveInstruction.instruction.id);
      }
      expect((await api.gql(ACKNOWLEDGE, { input: { instructionId: ids[0] } })).errors).toBeUndefined();
      const refused = await api.gql(ACKNOWLEDGE, { input: { instructionId: '01900000-0000-7000-8000-000000000000' } });
      expect(refused.errors?.[0].extensions.code).toBe('NOT_FOUND');
      for (let tries = 0; tries < 100 && (await api.gql('{ checkpoint { treeSize } }')).data.checkpoint?.treeSize !== 5; tries++)
        await new Promise((resolve) => setTimeout(resolve, 50));

      const metrics = await scrape(api);
      expect(metrics.get('ledger_commands_total{type="SignDataProcessingAgreement",outcome="ok"}')).toBe(1);
      expect(metrics.get('ledger_commands_total{type="ReceiveInstruction",outcome="ok"}')).toBe(3);
      expect(metrics.get('ledger_commands_total{type="AcknowledgeInstruction",outcome="ok"}')).toBe(1);
      expect(metrics.get('ledger_commands_total{type="AcknowledgeInstruction",outcome="NOT_FOUND"}')).toBe(1);
      expect(metrics.get('ledger_command_duration_seconds_count{type="ReceiveInstruction",outcome="ok"}')).toBe(3);
      expect(metrics.get('ledger_command_duration_seconds_bucket{le="+Inf",type="AcknowledgeInstruction",outcome="NOT_FOUND"}')).toBe(1);
      expect(metrics.get('ledger_command_duration_seconds_sum{type="ReceiveInstruction",outcome="ok"}')).toBeGreaterThan(0);
      // Five events appended; the refused command appended nothing.
      expect(metrics.get('ledger_append_duration_seconds_count')).toBe(5);
      expect(metrics.get('ledger_append_duration_seconds_sum')).toBeGreaterThan(0);
      for (const projection of PROJECTIONS) {
        expect(metrics.get(`ledger_projection_lag_events{projection="${projection}"}`)).toBe(0);
        expect(metrics.get(`ledger_projection_lag_seconds{projection="${projection}"}`)).toBe(0);
      }
      expect(metrics.get('ledger_store_up')).toBe(1);
      expect(metrics.get('ledger_unsigned_events')).toBe(0);
      expect(metrics.get('ledger_checkpoint_age_seconds')).toBeGreaterThanOrEqual(0);
      expect(metrics.get('ledger_checkpoint_age_seconds')).toBeLessThan(60);
      expect(metrics.get('process_resident_memory_bytes')).toBeGreaterThan(0);

      expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
      const ready = await fetch(`${api.url}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', maxLagSeconds: 30 });
    } finally {
      await api.close();
      await prepared.dispose();
    }
  }, 120_000);

  it('reports lag in events and seconds while read models are behind, and is not ready past LEDGER_READY_MAX_LAG_SECONDS', async () => {
    const prepared = await storage.config();
    const api = await startApi({ ...prepared.config, readyMaxLagSeconds: 1 });
    try {
      await api.app.get(ProjectionRunner).stop();
      const store = api.app.get<EventStore>(EVENT_STORE);
      for (let i = 0; i < 3; i++)
        await store.append(`probe-lag-${i}`, NO_STREAM, [{ type: 'LedgerProbeRecorded', schemaVersion: 1, data: { i }, occurredAt: new Date() }], {
          tenantId: 'default', actor: { id: 'system', role: 'processor', keyId: null }, commandId: `lag-${i}`, correlationId: 'lag', causationId: 'lag',
        });
      await new Promise((resolve) => setTimeout(resolve, 1500));

      const metrics = await scrape(api);
      for (const projection of PROJECTIONS) {
        expect(metrics.get(`ledger_projection_lag_events{projection="${projection}"}`)).toBe(3);
        expect(metrics.get(`ledger_projection_lag_seconds{projection="${projection}"}`)).toBeGreaterThan(1);
      }
      const ready = await fetch(`${api.url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'not ready', reason: 'read models more than 1 s behind the log' });
      expect((await fetch(`${api.url}/health/live`)).status).toBe(200);

      await api.app.get(ProjectionRunner).start();
      let status = 0;
      for (let tries = 0; tries < 100 && status !== 200; tries++) {
        status = (await fetch(`${api.url}/health/ready`)).status;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(status).toBe(200);
    } finally {
      await api.close();
      await prepared.dispose();
    }
  }, 120_000);
});
