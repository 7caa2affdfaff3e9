import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { bearer, issueProcessorKey, TEST_ADMIN_TOKEN } from './access';

/** Tests run from the repository root (Jest's rootDir). */
const ROOT = process.cwd();
/** The build under test: `dist/` (what `npm run build` writes) unless LEDGER_TEST_DIST names another. */
const DIST = process.env.LEDGER_TEST_DIST ?? join(ROOT, 'dist');

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** The built service (`dist/`) in its own process, as `npm start` runs it. */
export class ServerProcess {
  private child?: ChildProcess;
  private output = '';
  private stdout = '';
  url = '';
  /** The processor key of tenant `default` that gql() sends, issued with the admin token at the first start. */
  token = '';

  /**
   * The service starts with LEDGER_ADMIN_TOKEN = TEST_ADMIN_TOKEN and no rate limit
   * (LEDGER_RATE_LIMIT_PER_MINUTE = 0: load tests send far more than a client would) unless `env` says otherwise.
   */
  constructor(private readonly env: Record<string, string>) {}

  /** What the service wrote on stdout since its last start: its JSON log lines, parsed. */
  logLines(): Array<Record<string, any>> {
    return this.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line));
  }

  /** Everything the service wrote on stdout and stderr since its last start. */
  get outputText(): string {
    return this.output;
  }

  /** How the process ended: its exit code, or the signal that killed it. */
  get exit(): { code: number | null; signal: NodeJS.Signals | null } {
    return { code: this.child?.exitCode ?? null, signal: this.child?.signalCode ?? null };
  }

  async start(): Promise<void> {
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    this.output = '';
    this.stdout = '';
    this.child = spawn(process.execPath, [join(DIST, 'apps/api/src/main.js')], {
      env: { ...process.env, LEDGER_ADMIN_TOKEN: TEST_ADMIN_TOKEN, LEDGER_RATE_LIMIT_PER_MINUTE: '0', ...this.env, PORT: String(port), LEDGER_POLL_INTERVAL_MS: '50' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (chunk) => {
      this.output += chunk;
      this.stdout += chunk;
    });
    this.child.stderr!.on('data', (chunk) => (this.output += chunk));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`the service exited with ${this.child.exitCode}:\n${this.output}`);
      try {
        if ((await fetch(`${this.url}/health`)).ok) {
          const admin = this.env.LEDGER_ADMIN_TOKEN ?? TEST_ADMIN_TOKEN;
          if (!this.token && admin) this.token = (await issueProcessorKey(this.url, admin)).token;
          return;
        }
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the service did not become healthy:\n${this.output}`);
  }

  async gql(query: string, variables: Record<string, unknown> = {}): Promise<any> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(this.token) },
      body: JSON.stringify({ query, variables }),
    });
    return response.json();
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  }
}

/** Starts the built service and waits for it to exit (a start that is refused), or kills it after `timeoutMs`. */
export function runServerToExit(env: Record<string, string>, options: { uid?: number; gid?: number; timeoutMs?: number } = {}) {
  const result = spawnSync(process.execPath, [join(DIST, 'apps/api/src/main.js')], {
    env: { ...process.env, PORT: '0', ...env },
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    uid: options.uid,
    gid: options.gid,
  });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the built `ledger` command without blocking this process (a load generator in the test goes on meanwhile). */
export async function runLedgerCliAsync(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(DIST, 'apps/cli/src/main.js'), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const [status] = (await once(child, 'close')) as [number | null];
  return { status, stdout, stderr };
}

/** Runs the built `ledger` command to completion. */
export function runLedgerCli(args: string[], env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(DIST, 'apps/cli/src/main.js'), ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
