import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The secret under which subject ids are derived: LEDGER_PSEUDONYM_KEY (base64, 32 bytes or
 * more), else the key file (LEDGER_PSEUDONYM_KEY_FILE, default `<data dir>/pseudonym.key`),
 * generated on first start and readable by its owner only. Never logged. Instances sharing one
 * PostgreSQL database must share this key, or one person would get a subject id per instance.
 */
export function loadPseudonymKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  const fromEnv = env.LEDGER_PSEUDONYM_KEY?.trim();
  if (fromEnv) return decode(fromEnv, 'LEDGER_PSEUDONYM_KEY');
  const file = resolve(env.LEDGER_PSEUDONYM_KEY_FILE || join(dataDir, 'pseudonym.key'));
  if (existsSync(file)) return decode(readFileSync(file, 'utf8').trim(), file);
  const key = randomBytes(32);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  new Logger('Privacy').log(`generated a pseudonym key in ${file}`);
  return key;
}

function decode(base64: string, source: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length < 32) throw new Error(`the pseudonym key from ${source} must be at least 32 bytes, base64 encoded`);
  return key;
}
