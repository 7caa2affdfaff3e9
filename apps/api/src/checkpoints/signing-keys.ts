import { Inject, Injectable, Logger } from '@nestjs/common';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateSigner, parseSignerKey } from '@ledger/integrity';
import type { LedgerConfig } from '../config';
import { LEDGER_CONFIG } from '../ledger/ledger.tokens';

/**
 * The operator's Ed25519 checkpoint key: from LEDGER_SIGNER_KEY, else from the key file, which is
 * generated (readable by its owner only) on first start. The private key is never logged; the
 * verifier key is what controllers and auditors keep.
 */
@Injectable()
export class SigningKeys {
  readonly signerKey: string;
  readonly verifierKey: string;

  constructor(@Inject(LEDGER_CONFIG) config: LedgerConfig) {
    const { origin, signerKey, signerKeyFile } = config.checkpoints;
    if (signerKey) {
      this.signerKey = signerKey.trim();
    } else if (existsSync(signerKeyFile)) {
      this.signerKey = readFileSync(signerKeyFile, 'utf8').trim();
    } else {
      this.signerKey = generateSigner(origin).signerKey;
      mkdirSync(dirname(signerKeyFile), { recursive: true });
      writeFileSync(signerKeyFile, `${this.signerKey}\n`, { mode: 0o600, flag: 'wx' });
      new Logger('Checkpoints').log(`generated a checkpoint signing key in ${signerKeyFile}`);
    }
    const { name, verifierKey } = parseSignerKey(this.signerKey);
    if (name !== origin) throw new Error(`the checkpoint signing key is named "${name}" but LEDGER_LOG_ORIGIN is "${origin}"`);
    this.verifierKey = verifierKey;
  }
}
