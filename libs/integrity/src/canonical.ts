import { canonicalize } from 'json-canonicalize';

/** RFC 8785 (JCS) bytes of a JSON value: the only form of an event that is ever hashed. */
export function canonicalBytes(value: unknown): Buffer {
  return Buffer.from(canonicalize(value), 'utf8');
}
