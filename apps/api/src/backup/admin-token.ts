import { randomBytes, timingSafeEqual } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The secret the `ledger` command shows the running service to get a backup: a new one at every
 * start, in the data directory, readable by its owner only. Whoever can read it can read the
 * store's files anyway; no one else gets a backup over HTTP.
 */
export class AdminToken {
  private constructor(
    private readonly token: Buffer,
    private readonly path: string,
  ) {}

  static fileIn(dataDir: string): string {
    return join(dataDir, 'admin.token');
  }

  static issue(dataDir: string): AdminToken {
    const token = randomBytes(32);
    const path = AdminToken.fileIn(dataDir);
    rmSync(path, { force: true });
    writeFileSync(path, `${token.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    return new AdminToken(token, path);
  }

  accepts(authorization: string | undefined): boolean {
    const match = /^Bearer ([0-9a-f]{64})$/.exec(authorization ?? '');
    return match !== null && timingSafeEqual(Buffer.from(match[1], 'hex'), this.token);
  }

  revoke(): void {
    rmSync(this.path, { force: true });
  }
}
