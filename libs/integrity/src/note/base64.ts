/**
 * Strict standard base64 (RFC 4648 section 4, padded), as every C2SP format uses. Node's own
 * decoder skips characters it does not know, which would let altered text decode "fine"; here
 * only the canonical encoding of some byte string is accepted.
 */
const STD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The decoded bytes, or null when `text` is not canonical padded base64. */
export function decodeBase64(text: string): Buffer | null {
  if (!STD_BASE64.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}

export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}
