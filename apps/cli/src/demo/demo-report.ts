import { DEFAULT_TENANT } from '@ledger/api/ledger/request-context';
import { DEMO_QUERIES } from './demo-queries';
import type { DemoOutcome } from './load-demo';

/** What `ledger demo` prints: what was loaded where, and how to look at it. */
export function demoReport(outcomes: DemoOutcome[], storage: string): string {
  const lines = [`Demo history in ${storage}:`];
  for (const { scenario, commands, appended, replayed, events, overdueNow } of outcomes) {
    const written = replayed === commands ? `already loaded, nothing appended (${commands} commands replayed)` : `${appended} commands, ${events} events appended${replayed ? `, ${replayed} replayed` : ''}`;
    lines.push(`  tenant ${scenario.tenantId}: ${scenario.processorName}, ${scenario.description}; ${scenario.agreements.length} clients; ${written}; ${overdueNow} obligations overdue now`);
  }
  lines.push(
    '',
    `An API key sees its own tenant only: with a processor key of tenant "${DEFAULT_TENANT}" the queries below show ${outcomes.find((o) => o.scenario.tenantId === DEFAULT_TENANT)?.scenario.processorName ?? 'it'}.`,
    `For the other tenants (${outcomes.filter((o) => o.scenario.tenantId !== DEFAULT_TENANT).map((o) => o.scenario.tenantId).join(', ')}) issue a key per tenant, e.g. \`ledger keys create --name trainer --role processor --tenant demo-training\`, and send it as "Authorization: Bearer <key>".`,
    'Run `ledger serve`, open http://localhost:3000/graphql and try:',
    '',
    DEMO_QUERIES,
  );
  return lines.join('\n');
}
