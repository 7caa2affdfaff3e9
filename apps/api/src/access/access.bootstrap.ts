import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { SqlClient } from '@ledger/event-store';
import { v7 as uuidv7 } from 'uuid';
import type { LedgerConfig } from '../config';
import { type Clock, CLOCK, LEDGER_CONFIG, SQL_CLIENT } from '../ledger/ledger.tokens';
import { DEFAULT_TENANT, SYSTEM_ACTOR } from '../ledger/request-context';
import { parseApiKeyToken, secretMatches } from './api-key-token';
import { findApiKey, hasActiveAdminKey, migrateApiKeys } from './api-key.table';
import { AccessService } from './access.service';

export const BOOTSTRAP_ADMIN_NAME = 'bootstrap-admin';

/**
 * A service nobody can call is useless: on a start with no usable admin key, one is issued —
 * LEDGER_ADMIN_TOKEN when given (so a deployment knows it in advance), else a fresh one printed
 * once on stdout, outside the logs, and never again.
 */
@Injectable()
export class AccessBootstrap implements OnModuleInit {
  private readonly logger = new Logger('Access');

  constructor(
    private readonly access: AccessService,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): Promise<void> {
    return migrateApiKeys(this.sql);
  }

  /** Called by the service before it listens (not by the command-line tools, whose stdout is their output). */
  async ensureAdminKey(): Promise<void> {
    await migrateApiKeys(this.sql);
    const meta = { tenantId: DEFAULT_TENANT, actor: SYSTEM_ACTOR, correlationId: uuidv7(), commandId: uuidv7() };
    const request = { name: BOOTSTRAP_ADMIN_NAME, role: 'admin' as const, tenantId: DEFAULT_TENANT, controllerId: null, expiresAt: null };
    const given = this.config.adminToken ? parseApiKeyToken(this.config.adminToken) : null;
    if (given && this.config.adminToken) {
      const known = await findApiKey(this.sql, given.keyId);
      if (!known) {
        await this.access.issue(meta, request, { ...given, token: this.config.adminToken });
        this.logger.log({ msg: 'admin key from LEDGER_ADMIN_TOKEN registered', keyId: given.keyId });
      } else if (!secretMatches(given.secret, known.secretSha256)) {
        throw new Error(`LEDGER_ADMIN_TOKEN names key ${given.keyId}, which exists with another secret`);
      } else if (known.revokedAt) {
        this.logger.warn({ msg: 'the key in LEDGER_ADMIN_TOKEN was revoked: it stays refused', keyId: given.keyId });
      }
      return;
    }
    if (await hasActiveAdminKey(this.sql, this.clock())) return;
    const { key, token } = await this.access.issue(meta, request);
    // Deliberately not through the logger: logs are shipped and kept, this line is for the operator's eyes once.
    process.stdout.write(`\nledger: no admin key existed, so one was issued (key id ${key.keyId}). It is shown this once:\n\n  ${token}\n\n`);
  }
}
