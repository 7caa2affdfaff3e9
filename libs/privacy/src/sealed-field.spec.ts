import { randomBytes } from 'node:crypto';
import { isSealedField, openWithKey, SealedFieldTamperedError, sealWithKey } from './sealed-field';

const key = randomBytes(32);
const subject = 'subj-0123456789abcdef0123456789abcdef';
const requester = { name: 'Jeanne Martin', email: 'jeanne@example.org', phone: '+33 6 12 34 56 78' };

/** Flips one bit of a base64 field. */
const flipped = (base64: string) => {
  const bytes = Buffer.from(base64, 'base64');
  bytes[0] ^= 1;
  return bytes.toString('base64');
};

describe('sealed fields (AES-256-GCM under the subject’s key)', () => {
  it('opens to the value that was sealed, and carries no plaintext', () => {
    const field = sealWithKey(key, subject, requester);
    expect(isSealedField(field)).toBe(true);
    expect(Object.keys(field)).toEqual(['sealed', 'subject', 'iv', 'ciphertext', 'tag']);
    expect(JSON.stringify(field)).not.toMatch(/Jeanne|jeanne@|12 34/);
    expect(openWithKey(key, field)).toEqual(requester);
  });

  it('uses a fresh IV every time, so equal values do not give equal ciphertexts', () => {
    const [a, b] = [sealWithKey(key, subject, requester), sealWithKey(key, subject, requester)];
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it.each([
    ['the tag', 'tag'],
    ['the ciphertext', 'ciphertext'],
    ['the IV', 'iv'],
  ] as const)('refuses a field whose %s was altered', (_, part) => {
    const field = sealWithKey(key, subject, requester);
    expect(() => openWithKey(key, { ...field, [part]: flipped(field[part]) })).toThrow(SealedFieldTamperedError);
  });

  it('refuses a truncated tag and a field relabelled with another subject', () => {
    const field = sealWithKey(key, subject, requester);
    expect(() => openWithKey(key, { ...field, tag: Buffer.from(field.tag, 'base64').subarray(0, 4).toString('base64') })).toThrow(SealedFieldTamperedError);
    expect(() => openWithKey(key, { ...field, subject: 'subj-ffffffffffffffffffffffffffffffff' })).toThrow(SealedFieldTamperedError);
  });

  it('cannot be opened with another key', () => {
    expect(() => openWithKey(randomBytes(32), sealWithKey(key, subject, requester))).toThrow(SealedFieldTamperedError);
  });

  it('recognises only the exact v1 shape', () => {
    const field = sealWithKey(key, subject, 'x');
    expect(isSealedField({ ...field, sealed: 'v2' })).toBe(false);
    expect(isSealedField({ ...field, extra: 1 })).toBe(false);
    expect(isSealedField({ ...field, iv: 'not base64!' })).toBe(false);
    expect(isSealedField(requester)).toBe(false);
    expect(isSealedField(null)).toBe(false);
  });
});
