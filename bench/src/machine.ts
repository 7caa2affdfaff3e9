import { existsSync, readFileSync } from 'node:fs';
import { cpus, release, totalmem, availableParallelism, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';

export interface Machine {
  cpu: string;
  cores: number;
  memory: string;
  os: string;
  node: string;
  postgres: string | null;
  postgresSettings: string | null;
  pglite: string;
  emmett: string;
}

/** The version in the package.json of an installed package, found from its entry point (exports hide the file). */
function packageVersion(name: string): string {
  let dir = dirname(require.resolve(name));
  while (dir !== dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (json.name === name) return json.version ?? 'unknown';
    }
    dir = dirname(dir);
  }
  return 'unknown';
}

async function postgresServer(url: string): Promise<{ version: string; settings: string }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; setting: string; unit: string | null }>(
      `SELECT name, setting, unit FROM pg_settings
       WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'shared_buffers', 'max_connections', 'wal_level')`,
    );
    const get = (name: string) => rows.find((r) => r.name === name);
    const version = get('server_version')?.setting ?? 'unknown';
    const settings = rows
      .filter((r) => r.name !== 'server_version')
      .map((r) => `${r.name}=${r.setting}${r.unit && r.name === 'shared_buffers' ? `x${r.unit}` : ''}`)
      .join(', ');
    return { version, settings };
  } finally {
    await client.end();
  }
}

export async function describeMachine(postgresUrl: string | null): Promise<Machine> {
  const server = postgresUrl ? await postgresServer(postgresUrl) : null;
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${platform()} ${release()}`,
    node: process.version,
    postgres: server?.version ?? null,
    postgresSettings: server?.settings ?? null,
    pglite: packageVersion('@electric-sql/pglite'),
    emmett: packageVersion('@event-driven-io/emmett-postgresql'),
  };
}
