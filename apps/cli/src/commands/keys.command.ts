import { NestFactory } from '@nestjs/core';
import type { ApiKeyRole } from '@ledger/domain';
import { AccessService } from '@ledger/api/access/access.service';
import { AppModule } from '@ledger/api/app.module';
import type { LedgerConfig } from '@ledger/api/config';
import { v7 as uuidv7 } from 'uuid';

/** Whoever runs the command-line tool on the store's host acts as an administrator. */
const CLI_ADMIN = { id: 'ledger-cli', role: 'admin', keyId: null };

export interface CreateKeyOptions {
  name: string;
  role: ApiKeyRole;
  tenant: string;
  controller?: string;
  expires?: string;
}

async function withAccess<T>(config: LedgerConfig, work: (access: AccessService) => Promise<T>): Promise<T> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false });
  try {
    return await work(app.get(AccessService));
  } finally {
    await app.close();
  }
}

const meta = (tenantId: string) => ({ tenantId, actor: CLI_ADMIN, correlationId: uuidv7(), commandId: uuidv7() });

/** `ledger keys create`: prints the new key's token, once, on stdout (nothing else there, so it can be captured). */
export function createKey(config: LedgerConfig, options: CreateKeyOptions, write = (text: string) => process.stdout.write(text)) {
  let expiresAt: string | null = null;
  if (options.expires) {
    const at = new Date(options.expires);
    if (Number.isNaN(at.getTime())) throw new Error(`--expires must be an ISO 8601 timestamp, got "${options.expires}"`);
    expiresAt = at.toISOString();
  }
  return withAccess(config, async (access) => {
    const { key, token } = await access.issue(meta(options.tenant), {
      name: options.name,
      role: options.role,
      tenantId: options.tenant,
      controllerId: options.controller ?? null,
      expiresAt,
    });
    process.stderr.write(`issued ${key.role} key ${key.keyId} for tenant ${key.tenantId}; it is shown this once:\n`);
    write(`${token}\n`);
  });
}

export function listKeys(config: LedgerConfig, options: { tenant?: string }, write = (text: string) => process.stdout.write(text)) {
  return withAccess(config, async (access) => {
    for (const key of await access.list(options.tenant)) {
      const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : key.expiresAt ? `expires ${key.expiresAt}` : 'active';
      write(`${key.keyId}\t${key.tenantId}\t${key.role}\t${key.controllerId ?? '*'}\t${key.name}\t${state}\n`);
    }
  });
}

export function revokeKey(config: LedgerConfig, keyId: string, options: { reason?: string }, write = (text: string) => process.stdout.write(text)) {
  return withAccess(config, async (access) => {
    // The revocation is recorded in the key's own tenant, whatever tenant the metadata starts with.
    const { key } = await access.revoke(meta('default'), keyId, options.reason ?? null);
    write(`revoked key ${key.keyId} (${key.role}, tenant ${key.tenantId})\n`);
  });
}
