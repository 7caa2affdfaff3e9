import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Two processes writing one PGlite directory would corrupt it. The lock names its owner's pid,
 * so a lock left by a killed process is taken over instead of blocking the restart.
 */
export class DataDirectoryLock {
  private constructor(private readonly path: string) {}

  static acquire(dataDir: string): DataDirectoryLock {
    const path = join(dataDir, 'ledger.lock');
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8'));
      if (owner !== process.pid && isAlive(owner))
        throw new Error(`the data directory ${dataDir} is in use by process ${owner}; stop it first (the embedded store allows one process)`);
      writeFileSync(path, String(process.pid));
    }
    return new DataDirectoryLock(path);
  }

  release(): void {
    rmSync(this.path, { force: true });
  }
}
