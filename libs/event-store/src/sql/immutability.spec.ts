import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !/\.(e2e-)?spec\.ts$/.test(path) && !path.includes('contract') ? [path] : [];
  });
}

describe('events are never updated or deleted by the application', () => {
  it('has no statement in the application code that updates, deletes or truncates events or processed commands', () => {
    const writers = ['apps', 'libs', 'bench']
      .flatMap((dir) => sourceFiles(dir))
      .filter((file) => /\b(UPDATE|DELETE\s+FROM|TRUNCATE)\s+(TABLE\s+)?ledger_(events|commands)\b/i.test(readFileSync(file, 'utf8')));
    expect(writers).toEqual([]);
  });
});
