import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** The only format so far; a new one gets a new tag and both are opened side by side. */
export const SEALED_FIELD_VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const DATA_KEY_BYTES = 32;

/**
 * Personal data as the ledger stores it (docs/privacy.md): the UTF-8 JSON of the value, encrypted
 * with AES-256-GCM under the data key of `subject`. Base64 fields, standard alphabet with padding.
 * The event hash covers these bytes, so the chain still verifies once the key is destroyed.
 */
export interface SealedField {
  sealed: typeof SEALED_FIELD_VERSION;
  subject: string;
  iv: string;
  ciphertext: string;
  tag: string;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export class SealedFieldTamperedError extends Error {
  constructor(readonly subject: string) {
    super(`a sealed field of subject ${subject} fails authentication: it was altered or sealed under another key`);
    this.name = 'SealedFieldTamperedError';
  }
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const isBase64 = (value: unknown): value is string => typeof value === 'string' && BASE64.test(value);

export function isSealedField(value: unknown): value is SealedField {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const field = value as Record<string, unknown>;
  return (
    field.sealed === SEALED_FIELD_VERSION &&
    typeof field.subject === 'string' &&
    isBase64(field.iv) &&
    isBase64(field.ciphertext) &&
    isBase64(field.tag) &&
    Object.keys(field).length === 5
  );
}

/** Binds the ciphertext to its subject: an envelope relabelled with another subject fails to open. */
const additionalData = (subject: string) => Buffer.from(`ledger-sealed-field:${SEALED_FIELD_VERSION}:${subject}`, 'utf8');

export function sealWithKey(key: Buffer, subject: string, value: JsonValue): SealedField {
  if (key.length !== DATA_KEY_BYTES) throw new Error(`a data key is ${DATA_KEY_BYTES} bytes, got ${key.length}`);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(subject));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return { sealed: SEALED_FIELD_VERSION, subject, iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

export function openWithKey<T extends JsonValue = JsonValue>(key: Buffer, field: SealedField): T {
  const tag = Buffer.from(field.tag, 'base64');
  if (tag.length !== TAG_BYTES) throw new SealedFieldTamperedError(field.subject);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(field.iv, 'base64'), { authTagLength: TAG_BYTES });
  decipher.setAAD(additionalData(field.subject));
  decipher.setAuthTag(tag);
  try {
    const plaintext = Buffer.concat([decipher.update(Buffer.from(field.ciphertext, 'base64')), decipher.final()]);
    return JSON.parse(plaintext.toString('utf8')) as T;
  } catch {
    throw new SealedFieldTamperedError(field.subject);
  }
}
