import { sign, verify } from 'node:crypto';
import { decodeBase64, encodeBase64 } from './base64';
import { NoteError } from './errors';
import { isValidKeyName, isWellFormed, parseSignerKey, parseVerifierKey, VerifierKey } from './keys';

/**
 * c2sp.org/signed-note: text ending in "\n", a blank line, then signature lines
 * "— <key name> base64(4-byte key ID || signature)\n" (em dash U+2014). The signature covers
 * the text including its final newline, not the blank line.
 */

export interface NoteSignature {
  name: string;
  keyId: number;
  /** The signature bytes after the key ID. */
  signature: Buffer;
}

export interface OpenedNote {
  /** The signed text, ending in "\n". */
  text: string;
  /** Signatures by the given keys, each verified, one per key. */
  signatures: NoteSignature[];
  /** Signatures by other keys (witnesses, rotated keys), ignored as the spec requires. */
  unverified: NoteSignature[];
}

const SIGNATURE_PREFIX = '\u2014 ';
/** The Go implementation's bound; the spec asks verifiers to accept at least 16. */
const MAX_SIGNATURES = 100;

/** Signs `text` with an encoded signer key; returns the signed note. */
export function signNote(text: string, signerKey: string): string {
  if (!text.endsWith('\n')) throw new NoteError('malformed-note', 'note text must end in a newline');
  checkCharacters(text);
  const signer = parseSignerKey(signerKey);
  const signature = sign(null, Buffer.from(text, 'utf8'), signer.privateKeyObject);
  return `${text}\n${signatureLine(signer.name, signer.keyId, signature)}`;
}

/**
 * Parses a signed note and verifies it against one or more encoded verifier keys. Throws
 * NoteError: 'malformed-note', 'invalid-signature' (a given key's signature fails: the text
 * or signature was altered), or 'unverified' (no signature by any given key).
 */
export function openNote(note: string, verifierKeys: string | readonly string[]): OpenedNote {
  const keys = new Map<string, VerifierKey>();
  for (const encoded of typeof verifierKeys === 'string' ? [verifierKeys] : verifierKeys) {
    const key = parseVerifierKey(encoded);
    const id = keyLabel(key.name, key.keyId);
    const known = keys.get(id);
    if (known && !known.publicKey.equals(key.publicKey)) throw new NoteError('malformed-key', `two different keys for ${id}`);
    keys.set(id, key);
  }

  checkCharacters(note);
  // The text ends at the LAST blank line: the text itself may contain blank lines.
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new NoteError('malformed-note', 'no blank line before the signatures');
  const text = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (block === '' || !block.endsWith('\n')) throw new NoteError('malformed-note', 'the signature block must be non-empty lines ending in a newline');

  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw new NoteError('malformed-note', `more than ${MAX_SIGNATURES} signatures`);
  const message = Buffer.from(text, 'utf8');
  const signatures: NoteSignature[] = [];
  const unverified: NoteSignature[] = [];
  const seenVerified = new Set<string>();
  const seenUnverified = new Set<string>();
  for (const line of lines) {
    const sig = parseSignatureLine(line);
    const id = keyLabel(sig.name, sig.keyId);
    const key = keys.get(id);
    if (!key) {
      // Unknown keys MUST be ignored, even when they share the name or the ID of a known one.
      if (!seenUnverified.has(line)) unverified.push(sig);
      seenUnverified.add(line);
      continue;
    }
    // A known key's signature MUST be verified, every time it appears.
    if (!verify(null, message, key.publicKeyObject, sig.signature)) {
      throw new NoteError('invalid-signature', `invalid signature for key ${id}`);
    }
    if (!seenVerified.has(id)) signatures.push(sig);
    seenVerified.add(id);
  }
  if (signatures.length === 0) {
    throw new NoteError('unverified', `note has no signature by ${[...keys.keys()].join(', ') || 'any given key'}`);
  }
  return { text, signatures, unverified };
}

function parseSignatureLine(line: string): NoteSignature {
  if (!line.startsWith(SIGNATURE_PREFIX)) throw new NoteError('malformed-note', 'a signature line must start with an em dash and a space');
  const rest = line.slice(SIGNATURE_PREFIX.length);
  const space = rest.indexOf(' ');
  const name = space < 0 ? rest : rest.slice(0, space);
  const bytes = space < 0 ? null : decodeBase64(rest.slice(space + 1));
  if (!isValidKeyName(name)) throw new NoteError('malformed-note', `invalid key name in signature line ${JSON.stringify(name)}`);
  if (!bytes || bytes.length < 5) throw new NoteError('malformed-note', `signature by ${name} is not base64 of a key ID and a signature`);
  return { name, keyId: bytes.readUInt32BE(0), signature: bytes.subarray(4) };
}

function signatureLine(name: string, keyId: number, signature: Buffer): string {
  const id = Buffer.alloc(4);
  id.writeUInt32BE(keyId);
  return `${SIGNATURE_PREFIX}${name} ${encodeBase64(Buffer.concat([id, signature]))}\n`;
}

/** Signed notes MUST be valid UTF-8 and MUST NOT contain ASCII control characters but newline. */
function checkCharacters(text: string): void {
  if (/[\u0000-\u0009\u000b-\u001f]/.test(text)) throw new NoteError('malformed-note', 'control character in note');
  if (!isWellFormed(text)) throw new NoteError('malformed-note', 'note is not valid UTF-8');
}

function keyLabel(name: string, keyId: number): string {
  return `${name}+${keyId.toString(16).padStart(8, '0')}`;
}
