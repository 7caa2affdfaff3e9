import { Command, InvalidArgumentError } from 'commander';

export type Backend = 'postgres' | 'embedded';

export interface BenchOptions {
  /** Events measured per case and writer count. */
  events: number;
  /** Events written before each measurement and not counted. */
  warmup: number;
  /** Writer counts to measure, e.g. [1, 8]. */
  writers: number[];
  /** Times the whole plan runs; figures are the median of the rounds. */
  rounds: number;
  backends: Backend[];
  /** Adds diagnostic rows that split the ledger's command path into its parts. */
  breakdown: boolean;
  /** Where to write every round's figures as JSON, if anywhere. */
  json?: string;
  /** Administrative connection string: the bench creates and drops its own database through it. */
  databaseUrl: string;
}

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

function positiveInteger(min: number) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) throw new InvalidArgumentError(`expected an integer >= ${min}, got "${raw}"`);
    return value;
  };
}

function integerList(raw: string): number[] {
  return raw.split(',').map((part) => positiveInteger(1)(part.trim()));
}

function backendList(raw: string): Backend[] {
  const backends = raw.split(',').map((part) => part.trim());
  for (const backend of backends)
    if (backend !== 'postgres' && backend !== 'embedded') throw new InvalidArgumentError(`unknown backend "${backend}" (postgres, embedded)`);
  return backends as Backend[];
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const program = new Command()
    .name('bench')
    .description(
      'Instructions appended per second through the command path, against raw INSERT (the limit) and Emmett (the peer), ' +
        'on PostgreSQL (DATABASE_URL, else the local server) and on the embedded PGlite store.',
    )
    .option('--events <n>', 'events measured per case and writer count', positiveInteger(1), 2000)
    .option('--warmup <n>', 'events written first and not counted', positiveInteger(0), 100)
    .option('--writers <list>', 'concurrent writer counts, comma separated', integerList, [1, 8])
    .option('--rounds <n>', 'run everything this many times and report the median', positiveInteger(1), 1)
    .option('--backends <list>', 'postgres, embedded or both', backendList, ['postgres', 'embedded'] as Backend[])
    .option('--breakdown', 'also time the ledger without the command bus and without projections (diagnostics)', false)
    .option('--json <file>', "also write every round's figures to this file")
    .showHelpAfterError();
  program.parse(argv);
  const opts = program.opts<Omit<BenchOptions, 'databaseUrl'>>();
  return { ...opts, databaseUrl: env.DATABASE_URL || DEFAULT_DATABASE_URL };
}
