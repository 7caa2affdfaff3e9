import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import {
  AUDIT_PACK_FILES,
  checkAgainstKept,
  isConsistencyBundle,
  VerificationFailure,
  verifyCheckpoint,
  VerifiedCheckpoint,
  verifyConsistencyBundle,
  verifyAuditPack,
  verifyInclusionBundle,
} from '@ledger/integrity';
import yauzl from 'yauzl';

export interface VerifyOptions {
  key: string;
  event?: string;
  state?: string;
}

export interface VerifyOutcome {
  ok: boolean;
  line: string;
}

function readInput(path: string): string {
  return readFileSync(path === '-' ? 0 : path, 'utf8');
}

/** `--key` takes the verifier key itself, or @file to read it from a file. */
function verifierKeyOf(option: string): string {
  return (option.startsWith('@') ? readFileSync(option.slice(1), 'utf8') : option).trim();
}

/**
 * Verifies a signed checkpoint, a tlog-proof bundle (with the event it proves) or a consistency
 * bundle, offline. With a state file, the newest checkpoint verified is kept there and every
 * later one must be proven to extend it.
 */
export function verify(file: string, options: VerifyOptions): VerifyOutcome {
  const key = verifierKeyOf(options.key);
  try {
    const input = readInput(file);
    let newest: VerifiedCheckpoint;
    let proven: VerifiedCheckpoint | null = null;
    let what: string;
    if (input.startsWith('c2sp.org/tlog-proof@v1\n')) {
      if (!options.event) throw new VerificationFailure('malformed', 'a tlog-proof bundle is verified with the event it proves: add --event FILE');
      const event = JSON.parse(readInput(options.event));
      newest = verifyInclusionBundle(input, event, key);
      what = `event ${event.eventId} is in the log of ${newest.origin} at size ${newest.size}`;
    } else if (isConsistencyBundle(input)) {
      const { from, to } = verifyConsistencyBundle(input, key);
      newest = to;
      proven = from;
      what = `the log of ${to.origin} at size ${to.size} extends size ${from.size}`;
    } else {
      newest = verifyCheckpoint(input, key);
      what = `checkpoint of ${newest.origin} at size ${newest.size} is signed by the key`;
    }
    if (options.state && existsSync(options.state)) {
      const kept = verifyCheckpoint(readFileSync(options.state, 'utf8'), key);
      checkAgainstKept(kept, newest, proven);
      what += `, consistent with the kept checkpoint of size ${kept.size}`;
    }
    if (options.state) writeFileSync(options.state, newest.note);
    return { ok: true, line: `verified: ${what}` };
  } catch (error) {
    if (error instanceof VerificationFailure) return { ok: false, line: `${error.kind}: ${error.message}` };
    if (error instanceof SyntaxError) return { ok: false, line: `malformed: ${error.message}` };
    return { ok: false, line: `malformed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** An audit pack is a zip: its first bytes are a local file header. */
export function isZip(file: string): boolean {
  if (file === '-' || !existsSync(file)) return false;
  return readFileSync(file).subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
}

/** Every file of a zip, by name, read into memory (audit packs are read whole anyway). */
export function readZip(path: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const files = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolve(files));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/**
 * Verifies an audit pack offline: with `key`, the checkpoint must be signed by that key (the one
 * the auditor trusts); without it, by the key shipped in the pack, which the verdict says.
 */
export async function verifyAuditPackFile(file: string, options: { key?: string }): Promise<VerifyOutcome> {
  try {
    const files = await readZip(file);
    const result = verifyAuditPack(files, options.key ? verifierKeyOf(options.key) : undefined);
    const keyNote = result.keyFromPack ? `the key in ${AUDIT_PACK_FILES.verifierKey} (pin yours with --key)` : 'the given key';
    return {
      ok: true,
      line: `verified: audit pack of ${result.events} events and ${result.activities} register entries, every event proven in the checkpoint of ${result.checkpoint.origin} at size ${result.checkpoint.size}, signed by ${keyNote}`,
    };
  } catch (error) {
    if (error instanceof VerificationFailure) return { ok: false, line: `${error.kind}: ${error.message}` };
    return { ok: false, line: `malformed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
