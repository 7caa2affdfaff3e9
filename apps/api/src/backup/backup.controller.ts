import { Controller, ForbiddenException, Get, Headers, Inject, NotFoundException, OnApplicationShutdown, Res } from '@nestjs/common';
import type { SqlClient } from '@ledger/event-store';
import type { Response } from 'express';
import type { LedgerConfig } from '../config';
import { SigningKeys } from '../checkpoints/signing-keys';
import { LEDGER_CONFIG, SQL_CLIENT } from '../ledger/ledger.tokens';
import { loadPseudonymKey } from '../privacy/pseudonym-key';
import { Open } from '../access/policy';
import { AdminToken } from './admin-token';
import { packBackup, takeBackup } from './backup-archive';

/**
 * GET /admin/backup: a consistent copy of the running embedded store and its keys, for
 * `ledger backup` (PGlite is one process's: only the service can copy it while it runs).
 * Needs the admin token from the data directory.
 */
@Open()
@Controller('admin')
export class BackupController implements OnApplicationShutdown {
  private readonly token?: AdminToken;

  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    private readonly keys: SigningKeys,
  ) {
    if (sql.snapshot) this.token = AdminToken.issue(config.dataDir);
  }

  @Get('backup')
  async backup(@Headers('authorization') authorization: string | undefined, @Res() response: Response) {
    if (!this.token) throw new NotFoundException({ message: 'backups of PostgreSQL are taken with pg_dump (docs/operations.md)', code: 'NOT_FOUND' });
    if (!this.token.accepts(authorization)) throw new ForbiddenException({ message: 'a backup needs the admin token of the data directory', code: 'FORBIDDEN' });
    const backup = await takeBackup(this.sql, { signerKey: this.keys.signerKey, pseudonymKey: loadPseudonymKey(this.config.dataDir) });
    response
      .status(200)
      .type('application/zip')
      .setHeader('x-ledger-backup-events', String(backup.manifest.events))
      .setHeader('x-ledger-backup-tree-size', String(backup.manifest.treeSize))
      .send(await packBackup(backup));
  }

  onApplicationShutdown() {
    this.token?.revoke();
  }
}
