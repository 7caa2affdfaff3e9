import type { INestApplicationContext } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CommandSender } from '@ledger/api/ledger/command-sender';
import { ListDeadlines } from '@ledger/api/deadlines/deadline.queries';
import { demoSteps } from './demo-steps';
import { HR_FLEX_OFFICE } from './hr-flex-office';
import { ONLINE_TRAINING } from './online-training';
import { PROSPECT_ENRICHMENT } from './prospect-enrichment';
import type { ProcessorScenario } from './scenario';

export const DEMO_SCENARIOS: ReadonlyArray<ProcessorScenario> = [HR_FLEX_OFFICE, ONLINE_TRAINING, PROSPECT_ENRICHMENT];

const DAY_MS = 24 * 60 * 60 * 1000;
const DEMO_ACTOR = { id: 'demo', role: 'processor', keyId: null };

export interface DemoOutcome {
  scenario: ProcessorScenario;
  commands: number;
  /** Commands that wrote events on this run. */
  appended: number;
  /** Commands already in the ledger from an earlier run: nothing new was written for them. */
  replayed: number;
  events: number;
  overdueNow: number;
}

/** The command id of a step: deterministic, so that loading the demo again replays instead of appending. */
export function demoCommandId(tenantId: string, stepKey: string): string {
  return `demo:${tenantId}:${stepKey}`;
}

/**
 * Sends every scenario's commands through the service's own command path (handlers, deciders,
 * idempotency, read-your-writes), so the demo history obeys every rule a client would meet.
 */
export async function loadDemo(app: INestApplicationContext, now = new Date()): Promise<DemoOutcome[]> {
  const sender = app.get(CommandSender);
  const queries = app.get(QueryBus);
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const outcomes: DemoOutcome[] = [];
  for (const scenario of DEMO_SCENARIOS) {
    const { tenantId } = scenario;
    const ctx = { tenantId, actor: DEMO_ACTOR, correlationId: `demo:${tenantId}` };
    const outcome = { scenario, commands: 0, appended: 0, replayed: 0, events: 0, overdueNow: 0 };
    for (const step of demoSteps(scenario)) {
      const input = { commandId: demoCommandId(tenantId, step.key) };
      const { ledger } = await sender.send(ctx, input, (meta) => step.command(daysAgo(step.daysAgo), meta, daysAgo)).catch((error: unknown) => {
        throw new Error(`the demo step ${step.key} of tenant ${tenantId} was refused: ${error instanceof Error ? error.message : String(error)}`);
      });
      outcome.commands++;
      if (ledger.replayed) {
        outcome.replayed++;
      } else {
        outcome.appended++;
        outcome.events += ledger.events.length;
      }
    }
    const overdue = await queries.execute(new ListDeadlines(tenantId, { overdueOnly: true, first: 100 }));
    outcome.overdueNow = overdue.edges.length;
    outcomes.push(outcome);
  }
  return outcomes;
}
