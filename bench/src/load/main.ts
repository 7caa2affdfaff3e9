import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { mintApiKeyToken } from '@ledger/api/access/api-key-token';
import { CONTROLLERS, GraphqlRequest, mixedRequests, receiveInstruction, signAgreement, trivialQuery } from './workload';

/**
 * `npm run bench:load`: the built service in its own process under a mixed workload (autocannon,
 * 16 connections, 60 s), then a trivial query against it and against bare Apollo Server + Express
 * (the framework's overhead). Storage: the embedded store, or PostgreSQL with --database-url.
 */
const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '16' },
    'overhead-duration': { type: 'string', default: '20' },
    'database-url': { type: 'string' },
  },
});
const duration = Number(options.duration);
const connections = Number(options.connections);
const DIST = join(__dirname, '..', '..', '..');

interface Served {
  child: ChildProcess;
  url: string;
}

async function startProcess(args: string[], env: Record<string, string>, ready: (line: string) => string | null): Promise<Served> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let buffered = '';
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}`)));
    child.stdout!.on('data', (chunk) => {
      buffered += chunk;
      const url = ready(buffered);
      if (url) {
        buffered = '';
        child.stdout!.removeAllListeners('data');
        child.stdout!.resume();
        resolve({ child, url });
      }
    });
  });
}

async function send(url: string, request: GraphqlRequest): Promise<any> {
  const response = await fetch(`${url}${request.path}`, { method: request.method, headers: request.headers, body: request.body });
  const answer = await response.json();
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data;
}

async function rss(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^process_resident_memory_bytes (\d+)/m.exec(text)?.[1] ?? NaN);
}

interface Run {
  result: autocannon.Result;
  /** Every response's latency, in milliseconds: autocannon reports p97.5, not p95. */
  latencies: number[];
}

function cannon(url: string, requests: GraphqlRequest[], seconds: number): Promise<Run> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, requests }, (error, result) =>
      error ? reject(error) : resolve({ result, latencies: latencies.sort((a, b) => a - b) }),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const summary = ({ result: r, latencies }: Run) => ({
  throughput: `${r.requests.average.toFixed(0)} req/s`,
  requests: r.requests.total,
  failures: `${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`,
  latencyMs: { p50: percentile(latencies, 50).toFixed(1), p95: percentile(latencies, 95).toFixed(1), p99: percentile(latencies, 99).toFixed(1), max: r.latency.max },
});

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-bench-load-'));
  const storage = options['database-url'] ? { DATABASE_URL: options['database-url'] } : { DATABASE_URL: '' };
  const admin = mintApiKeyToken().token;
  // The highest limit the service accepts: every request is counted, as in production, but the bench key is never refused.
  const service = { ...storage, LEDGER_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info', LEDGER_ADMIN_TOKEN: admin, LEDGER_RATE_LIMIT_PER_MINUTE: '1000000' };
  const ledger = await startProcess([join(DIST, 'apps/api/src/main.js')], service, (out) => {
    const match = /GraphQL and GraphiQL at http:\/\/localhost:(\d+)\/graphql/.exec(out);
    return match ? `http://127.0.0.1:${match[1]}` : null;
  });
  try {
    // Every request carries a processor key, as a client's would: authentication is part of what is measured.
    const withKey = (token: string) => (request: GraphqlRequest): GraphqlRequest => ({ ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } });
    const created = await send(ledger.url, withKey(admin)({
      ...trivialQuery,
      body: JSON.stringify({ query: 'mutation { createApiKey(input: { name: "bench", role: processor, tenantId: "default" }) { token } }' }),
    }));
    const keyed = withKey(created.createApiKey.token);
    for (let c = 0; c < CONTROLLERS; c++) await send(ledger.url, keyed(signAgreement(c)));
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) ids.push((await send(ledger.url, keyed(receiveInstruction(i % CONTROLLERS)))).receiveInstruction.instruction.id);
    const rssStart = await rss(ledger.url);
    const mixed = await cannon(ledger.url, mixedRequests(ids).map(keyed), duration);
    const rssEnd = await rss(ledger.url);
    const ledgerTrivial = await cannon(ledger.url, [keyed(trivialQuery)], Number(options['overhead-duration']));

    const bare = await startProcess([join(__dirname, 'bare-apollo.js'), '0'], {}, (out) => {
      const match = /listening (\d+)/.exec(out);
      return match ? `http://127.0.0.1:${match[1]}` : null;
    });
    let bareTrivial: Run;
    try {
      await send(bare.url, trivialQuery);
      bareTrivial = await cannon(bare.url, [trivialQuery], Number(options['overhead-duration']));
    } finally {
      bare.child.kill('SIGTERM');
    }

    const report = {
      machine: `${cpus()[0]?.model.trim()} x${cpus().length}, Node ${process.version}`,
      storage: options['database-url'] ? 'PostgreSQL' : 'embedded (PGlite)',
      connections,
      mixed: { seconds: duration, summary: summary(mixed), rssStart: mib(rssStart), rssEnd: mib(rssEnd) },
      trivial: { ledger: summary(ledgerTrivial), bare: summary(bareTrivial), ratio: (ledgerTrivial.result.requests.average / bareTrivial.result.requests.average).toFixed(2) },
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    ledger.child.kill('SIGTERM');
    await once(ledger.child, 'exit');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
