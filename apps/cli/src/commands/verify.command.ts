import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import {
  checkAgainstKept,
  isConsistencyBundle,
  VerificationFailure,
  verifyCheckpoint,
  VerifiedCheckpoint,
  verifyConsistencyBundle,
  verifyInclusionBundle,
} from '@ledger/integrity';

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
