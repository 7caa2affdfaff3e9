import { decodeBase64, encodeBase64 } from './base64';
import { NoteError } from './errors';
import { openNote, OpenedNote } from './signed-note';

/**
 * c2sp.org/tlog-checkpoint note text:
 *   <origin>\n<tree size, decimal, no leading zeros>\n<base64 RFC 6962 root hash>\n[extension lines]
 */
export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Buffer;
  /** Opaque, non-empty extra lines (NOT RECOMMENDED by the spec: monitors cannot audit them). */
  extensions: string[];
}

const ROOT_HASH_SIZE = 32;
const DECIMAL = /^(?:0|[1-9][0-9]*)$/;

/** The checkpoint's note text, ready for signNote. Bad fields are programming errors: RangeError. */
export function formatCheckpoint(checkpoint: { origin: string; size: number; rootHash: Uint8Array; extensions?: readonly string[] }): string {
  const { origin, size, rootHash, extensions = [] } = checkpoint;
  if (origin === '' || origin.includes('\n')) throw new RangeError('checkpoint origin must be one non-empty line');
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`checkpoint size must be a non-negative safe integer, got ${size}`);
  if (rootHash.length !== ROOT_HASH_SIZE) throw new RangeError(`checkpoint root hash must be ${ROOT_HASH_SIZE} bytes, got ${rootHash.length}`);
  for (const line of extensions) {
    if (line === '' || line.includes('\n')) throw new RangeError('checkpoint extension lines must be non-empty single lines');
  }
  return [origin, String(size), encodeBase64(rootHash), ...extensions].map((line) => `${line}\n`).join('');
}

/** Parses checkpoint note text (already verified with openNote). Throws NoteError 'malformed-checkpoint'. */
export function parseCheckpoint(text: string): Checkpoint {
  const bad = (why: string) => new NoteError('malformed-checkpoint', `not a tlog-checkpoint: ${why}`);
  if (!text.endsWith('\n')) throw bad('text must end in a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) throw bad('fewer than three lines');
  const [origin, sizeLine, hashLine, ...extensions] = lines;
  if (origin === '') throw bad('empty origin line');
  if (!DECIMAL.test(sizeLine)) throw bad(`tree size ${JSON.stringify(sizeLine)} is not a decimal without leading zeros`);
  const size = Number(sizeLine);
  if (!Number.isSafeInteger(size)) throw bad(`tree size ${sizeLine} is beyond 2^53 - 1`);
  const rootHash = decodeBase64(hashLine);
  if (!rootHash || rootHash.length !== ROOT_HASH_SIZE) throw bad(`root hash is not base64 of ${ROOT_HASH_SIZE} bytes`);
  if (extensions.some((line) => line === '')) throw bad('empty extension line');
  return { origin, size, rootHash, extensions };
}

/**
 * Opens a signed checkpoint with the log's verifier key(s) and parses it; with `origin`, also
 * refuses a checkpoint of another log (NoteError 'origin-mismatch').
 */
export function openCheckpoint(note: string, verifierKeys: string | readonly string[], origin?: string): Checkpoint & { note: OpenedNote } {
  const opened = openNote(note, verifierKeys);
  const checkpoint = parseCheckpoint(opened.text);
  if (origin !== undefined && checkpoint.origin !== origin) {
    throw new NoteError('origin-mismatch', `checkpoint is from ${JSON.stringify(checkpoint.origin)}, expected ${JSON.stringify(origin)}`);
  }
  return { ...checkpoint, note: opened };
}
