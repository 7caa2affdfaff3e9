import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { decodeBase64, encodeBase64 } from './base64';
import { NoteError } from './errors';

/**
 * Ed25519 note keys in the encodings of golang.org/x/mod/sumdb/note, which C2SP signed-note
 * tooling shares:
 *   signer key   PRIVATE+KEY+<name>+<key ID hex>+base64(0x01 || 32-byte seed)
 *   verifier key <name>+<key ID hex>+base64(0x01 || 32-byte public key)
 * key ID = SHA-256(name || 0x0A || 0x01 || public key)[:4], big-endian (c2sp.org/signed-note).
 */

/** c2sp.org/signed-note signature type of Ed25519. */
export const ED25519_SIGNATURE_TYPE = 0x01;

// DER headers of PKCS#8 and SPKI Ed25519 keys (RFC 8410): prefix + the raw 32 bytes.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface VerifierKey {
  name: string;
  /** uint32 key ID, as in the first four bytes of each signature. */
  keyId: number;
  /** Raw 32-byte Ed25519 public key. */
  publicKey: Buffer;
  publicKeyObject: KeyObject;
  /** The encoded verifier key string. */
  encoded: string;
}

export interface SignerKey extends VerifierKey {
  privateKeyObject: KeyObject;
  /** The encoded verifier key of the same key pair, for publishing. */
  verifierKey: string;
}

/** Key names: non-empty, no Unicode white space (Go's unicode.IsSpace) and no '+'. */
export function isValidKeyName(name: string): boolean {
  return name !== '' && isWellFormed(name) && !/[\p{White_Space}+]/u.test(name);
}

/** SHA-256(name || "\n" || 0x01 || publicKey)[:4] as a uint32. */
export function keyIdOf(name: string, publicKey: Uint8Array): number {
  const digest = createHash('sha256').update(name, 'utf8').update('\n').update(Buffer.of(ED25519_SIGNATURE_TYPE)).update(publicKey).digest();
  return digest.readUInt32BE(0);
}

/** A fresh Ed25519 key pair for `name` (typically the log origin, e.g. "ledger.example/log"). */
export function generateSigner(name: string): { signerKey: string; verifierKey: string } {
  if (!isValidKeyName(name)) throw new NoteError('malformed-key', `invalid key name ${JSON.stringify(name)}`);
  const { privateKey } = generateKeyPairSync('ed25519');
  const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d as string, 'base64url');
  const signer = signerFromSeed(name, seed);
  return { signerKey: formatKey('PRIVATE+KEY+', name, signer.keyId, seed), verifierKey: signer.verifierKey };
}

export function parseVerifierKey(encoded: string): VerifierKey {
  const parts = chop(encoded, 3);
  if (!parts) throw new NoteError('malformed-key', 'a verifier key is <name>+<key ID>+<key data>');
  const [name, idHex, data] = parts;
  const keyId = parseKeyId(name, idHex);
  const publicKey = parseKeyData(data);
  if (keyIdOf(name, publicKey) !== keyId) throw new NoteError('malformed-key', `key ID ${idHex} does not match the key of ${name}`);
  return { name, keyId, publicKey, publicKeyObject: publicKeyObject(publicKey), encoded };
}

export function parseSignerKey(encoded: string): SignerKey {
  const parts = chop(encoded, 5);
  if (!parts || parts[0] !== 'PRIVATE' || parts[1] !== 'KEY') {
    throw new NoteError('malformed-key', 'a signer key is PRIVATE+KEY+<name>+<key ID>+<key data>');
  }
  const [, , name, idHex, data] = parts;
  const keyId = parseKeyId(name, idHex);
  const signer = signerFromSeed(name, parseKeyData(data));
  // The key ID commits to the public key, so it can only be checked after deriving that.
  if (signer.keyId !== keyId) throw new NoteError('malformed-key', `key ID ${idHex} does not match the key of ${name}`);
  return signer;
}

/** Splits at the first count - 1 '+' signs: the base64 key data may itself contain '+'. */
function chop(encoded: string, count: number): string[] | null {
  const parts: string[] = [];
  let rest = encoded;
  for (let i = 1; i < count; i++) {
    const at = rest.indexOf('+');
    if (at < 0) return null;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  return [...parts, rest];
}

function signerFromSeed(name: string, seed: Buffer): SignerKey {
  const privateKeyObject = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKeyObject = createPublicKey(privateKeyObject);
  const publicKey = Buffer.from(publicKeyObject.export({ format: 'jwk' }).x as string, 'base64url');
  const keyId = keyIdOf(name, publicKey);
  const verifierKey = formatKey('', name, keyId, publicKey);
  return { name, keyId, publicKey, publicKeyObject, encoded: verifierKey, privateKeyObject, verifierKey };
}

function publicKeyObject(publicKey: Buffer): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, publicKey]), format: 'der', type: 'spki' });
}

function formatKey(prefix: string, name: string, keyId: number, key: Buffer): string {
  const id = keyId.toString(16).padStart(8, '0');
  return `${prefix}${name}+${id}+${encodeBase64(Buffer.concat([Buffer.of(ED25519_SIGNATURE_TYPE), key]))}`;
}

function parseKeyId(name: string, idHex: string): number {
  if (!isValidKeyName(name)) throw new NoteError('malformed-key', `invalid key name ${JSON.stringify(name)}`);
  if (!/^[0-9a-fA-F]{8}$/.test(idHex)) throw new NoteError('malformed-key', 'the key ID must be 8 hexadecimal digits');
  return parseInt(idHex, 16);
}

/** base64(type || key) with type Ed25519 and a 32-byte key (seed or public key). */
function parseKeyData(data: string): Buffer {
  const bytes = decodeBase64(data);
  if (!bytes || bytes.length === 0) throw new NoteError('malformed-key', 'key data is not base64');
  if (bytes[0] !== ED25519_SIGNATURE_TYPE) throw new NoteError('malformed-key', `unknown key algorithm ${bytes[0]}`);
  if (bytes.length !== 33) throw new NoteError('malformed-key', `an Ed25519 key has 32 bytes, got ${bytes.length - 1}`);
  return bytes.subarray(1);
}

/** False for strings with lone UTF-16 surrogates, which have no UTF-8 encoding. */
export function isWellFormed(text: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
