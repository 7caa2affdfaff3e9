import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * `npm run bench`: the event-store bench (its options, e.g. `npm run bench -- --rounds 3`, go to
 * it), then the Merkle-log bench and the consent bench (opt-out import, contactPermissions) with their defaults
 * and the point-in-time register bench (`node dist/bench/src/merkle/main.js --help`,
 * `node dist/bench/src/consent/main.js --help`, `node dist/bench/src/as-of/main.js --help`).
 */
for (const [script, args] of [
  ['main.js', process.argv.slice(2)],
  [join('merkle', 'main.js'), []],
  [join('consent', 'main.js'), []],
  [join('as-of', 'main.js'), []],
] as const) {
  const { status } = spawnSync(process.execPath, [join(__dirname, script), ...args], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
