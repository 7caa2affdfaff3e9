import { verifyInclusion } from '../merkle/verify';
import { decodeBase64, encodeBase64 } from './base64';
import { Checkpoint, openCheckpoint } from './checkpoint';
import { NoteError } from './errors';

/**
 * c2sp.org/tlog-proof@v1, as written by transparency-dev/merkle proof/tlog_proof.go:
 *   c2sp.org/tlog-proof@v1\n[extra <base64>\n]index <decimal>\n<base64 hash>\n...\n\n<signed checkpoint>
 * An offline-verifiable receipt: one event's inclusion proof plus the signed checkpoint it is against.
 */
export interface TlogProof {
  index: number;
  /** RFC 9162 inclusion proof, leaf sibling first. */
  hashes: Buffer[];
  /** The signed checkpoint note, verbatim. */
  checkpoint: string;
  /** Opaque, unauthenticated application data. */
  extra?: Buffer;
}

const HEADER = 'c2sp.org/tlog-proof@v1';
const HASH_SIZE = 32;
const DECIMAL = /^(?:0|[1-9][0-9]*)$/;

export function formatTlogProof(proof: { index: number; hashes: readonly Uint8Array[]; checkpoint: string; extra?: Uint8Array }): string {
  const { index, hashes, checkpoint, extra } = proof;
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`proof index must be a non-negative safe integer, got ${index}`);
  if (hashes.some((h) => h.length !== HASH_SIZE)) throw new RangeError(`proof hashes must be ${HASH_SIZE} bytes each`);
  if (!checkpoint.endsWith('\n')) throw new RangeError('the checkpoint must be a signed note, ending in a newline');
  const lines = [HEADER, ...(extra ? [`extra ${encodeBase64(extra)}`] : []), `index ${index}`, ...hashes.map(encodeBase64), ''];
  return `${lines.join('\n')}\n${checkpoint}`;
}

/** Parses the proof's syntax; the checkpoint is returned unopened. Throws NoteError 'malformed-proof'. */
export function parseTlogProof(text: string): TlogProof {
  const bad = (why: string) => new NoteError('malformed-proof', `not a tlog-proof: ${why}`);
  let rest = text;
  const nextLine = (): string => {
    const end = rest.indexOf('\n');
    if (end < 0) throw bad('truncated');
    const line = rest.slice(0, end);
    rest = rest.slice(end + 1);
    return line;
  };

  if (nextLine() !== HEADER) throw bad(`the first line must be ${HEADER}`);
  let line = nextLine();
  let extra: Buffer | undefined;
  if (line.startsWith('extra ')) {
    extra = decodeBase64(line.slice('extra '.length)) ?? undefined;
    if (!extra) throw bad('extra data is not base64');
    line = nextLine();
  }
  if (!line.startsWith('index ')) throw bad('missing index line');
  const indexText = line.slice('index '.length);
  const index = Number(indexText);
  if (!DECIMAL.test(indexText) || !Number.isSafeInteger(index)) throw bad(`index ${JSON.stringify(indexText)} is not a decimal without leading zeros`);

  const hashes: Buffer[] = [];
  for (line = nextLine(); line !== ''; line = nextLine()) {
    const hash = decodeBase64(line);
    if (!hash || hash.length !== HASH_SIZE) throw bad(`proof line ${hashes.length} is not base64 of ${HASH_SIZE} bytes`);
    hashes.push(hash);
  }
  if (rest === '') throw bad('missing checkpoint');
  return { index, hashes, checkpoint: rest, ...(extra ? { extra } : {}) };
}

/**
 * Checks a tlog-proof end to end for the leaf with `leafHash`: the checkpoint is signed by the
 * log key (and from `origin`, if given) and the inclusion proof leads to its root. Throws
 * NoteError or ProofError.
 */
export function verifyTlogProof(
  text: string,
  leafHash: Uint8Array,
  verifierKeys: string | readonly string[],
  origin?: string,
): { index: number; checkpoint: Checkpoint; extra?: Buffer } {
  const proof = parseTlogProof(text);
  const { note: _note, ...checkpoint } = openCheckpoint(proof.checkpoint, verifierKeys, origin);
  verifyInclusion(leafHash, proof.index, checkpoint.size, proof.hashes, checkpoint.rootHash);
  return { index: proof.index, checkpoint, ...(proof.extra ? { extra: proof.extra } : {}) };
}
