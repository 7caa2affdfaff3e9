import { NoteError, NoteErrorKind } from './errors';
import { generateSigner } from './keys';
import { openNote, signNote } from './signed-note';
import { ENOCH_SIG_LINE, ENOCH_VERIFIER_KEY, PETER_SIG_LINE, PETER_SIGNED_NOTE, PETER_SIGNER_KEY, PETER_VERIFIER_KEY, TEXT } from './testdata/go-note-vectors';

function kindOf(open: () => unknown): NoteErrorKind | 'accepted' {
  try {
    open();
    return 'accepted';
  } catch (e) {
    if (e instanceof NoteError) return e.kind;
    throw e;
  }
}

const peter = { name: 'PeterNeumann', keyId: 0xc74f20a3 };
const enoch = { name: 'EnochRoot', keyId: 0xaf0cfe78 };

describe('c2sp.org/signed-note signing (golang.org/x/mod/sumdb/note TestSign)', () => {
  it('produces, byte for byte, the note the Go implementation signed (Ed25519 is deterministic)', () => {
    expect(signNote(TEXT, PETER_SIGNER_KEY)).toBe(PETER_SIGNED_NOTE);
  });

  it('refuses text that does not end in a newline or holds control characters', () => {
    expect(kindOf(() => signNote('abc', PETER_SIGNER_KEY))).toBe('malformed-note');
    expect(kindOf(() => signNote('a\u0001b\n', PETER_SIGNER_KEY))).toBe('malformed-note');
    expect(kindOf(() => signNote(TEXT, 'PRIVATE+KEY+x'))).toBe('malformed-key');
  });

  it('round-trips with a generated key, including blank lines inside the text', () => {
    const { signerKey, verifierKey } = generateSigner('ledger.example/log');
    const text = 'first\n\nthird — ünïcödé\n';
    expect(openNote(signNote(text, signerKey), verifierKey).text).toBe(text);
  });
});

describe('c2sp.org/signed-note opening (golang.org/x/mod/sumdb/note TestOpen)', () => {
  const both = TEXT + '\n' + PETER_SIG_LINE + ENOCH_SIG_LINE;

  it('verifies the Go signature and ignores the signature of an unknown key', () => {
    const opened = openNote(both, PETER_VERIFIER_KEY);
    expect(opened.text).toBe(TEXT);
    expect(opened.signatures.map(({ name, keyId }) => ({ name, keyId }))).toEqual([peter]);
    expect(opened.unverified.map(({ name, keyId }) => ({ name, keyId }))).toEqual([enoch]);
    expect(opened.signatures[0].signature).toHaveLength(64);
  });

  it('verifies both signatures when given both keys', () => {
    const opened = openNote(both, [PETER_VERIFIER_KEY, ENOCH_VERIFIER_KEY]);
    expect(opened.signatures.map(({ name, keyId }) => ({ name, keyId }))).toEqual([peter, enoch]);
    expect(opened.unverified).toEqual([]);
  });

  it("refuses a note with no signature by the given key ('unverified')", () => {
    const { verifierKey } = generateSigner('someone.else');
    expect(kindOf(() => openNote(both, verifierKey))).toBe('unverified');
    expect(kindOf(() => openNote(both, []))).toBe('unverified');
  });

  it("refuses a known key's bad signature ('invalid-signature'), even next to a good one", () => {
    const altered = PETER_SIG_LINE.slice(0, 60) + 'ABCD' + PETER_SIG_LINE.slice(60);
    expect(kindOf(() => openNote(TEXT + '\n' + altered, PETER_VERIFIER_KEY))).toBe('invalid-signature');
    expect(() => openNote(TEXT + '\n' + altered, PETER_VERIFIER_KEY)).toThrow('invalid signature for key PeterNeumann+c74f20a3');
    expect(kindOf(() => openNote(TEXT + '\n' + PETER_SIG_LINE + altered, PETER_VERIFIER_KEY))).toBe('invalid-signature');
  });

  it('collapses duplicate signatures', () => {
    const enochAltered = ENOCH_SIG_LINE.slice(0, 60) + 'ABCD' + ENOCH_SIG_LINE.slice(60);
    const opened = openNote(TEXT + '\n' + PETER_SIG_LINE + PETER_SIG_LINE + ENOCH_SIG_LINE + ENOCH_SIG_LINE + enochAltered, PETER_VERIFIER_KEY);
    expect(opened.signatures).toHaveLength(1);
    expect(opened.unverified).toHaveLength(2);
  });

  it('ignores a signature that shares the name but not the key ID of the known key', () => {
    const otherId = PETER_SIG_LINE.replace('x08g', 'xxxx');
    expect(kindOf(() => openNote(TEXT + '\n' + otherId, PETER_VERIFIER_KEY))).toBe('unverified');
    const otherName = PETER_SIG_LINE.replace('PeterNeumann', 'CarmenSandiego');
    expect(kindOf(() => openNote(TEXT + '\n' + otherName, PETER_VERIFIER_KEY))).toBe('unverified');
  });

  it("refuses malformed notes ('malformed-note')", () => {
    const bad = [
      TEXT,
      TEXT + '\n',
      TEXT + '\n' + PETER_SIG_LINE.slice(0, -1),
      '\u0001' + TEXT + '\n' + PETER_SIG_LINE,
      '\uD800' + TEXT + '\n' + PETER_SIG_LINE, // a lone surrogate: no UTF-8 encoding (Go tests "\xff")
      TEXT + '\n' + '— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=',
      TEXT + '\n' + PETER_SIG_LINE + 'Unexpected line.\n',
      TEXT + '\n' + PETER_SIG_LINE.repeat(101),
      TEXT + '\n' + '- PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n',
      TEXT + '\n' + '— PeterNeumann x08go/ZJku#BS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n',
    ];
    for (const note of bad) expect({ note, kind: kindOf(() => openNote(note, PETER_VERIFIER_KEY)) }).toEqual({ note, kind: 'malformed-note' });
  });

  it('fails on every single-bit change of the signed text or the signature', () => {
    const note = Buffer.from(PETER_SIGNED_NOTE, 'utf8');
    const split = PETER_SIGNED_NOTE.lastIndexOf('\n\n');
    const textBytes = Buffer.byteLength(PETER_SIGNED_NOTE.slice(0, split + 1));
    const b64Start = Buffer.byteLength(PETER_SIGNED_NOTE.slice(0, PETER_SIGNED_NOTE.lastIndexOf(' ') + 1));
    let checked = 0;
    for (let byte = 0; byte < note.length; byte++) {
      if (byte >= textBytes && byte < b64Start) continue; // separator and signature-line syntax: covered above
      for (let bit = 0; bit < 8; bit++) {
        const flipped = Buffer.from(note);
        flipped[byte] ^= 1 << bit;
        const kind = kindOf(() => openNote(flipped.toString('utf8'), PETER_VERIFIER_KEY));
        expect({ byte, bit, kind: kind === 'accepted' ? kind : 'refused' }).toEqual({ byte, bit, kind: 'refused' });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(8 * 150);
  });

  it('also fails on every bit of the raw signature bytes (valid base64, wrong signature)', () => {
    const b64 = PETER_SIG_LINE.trim().split(' ')[2];
    const raw = Buffer.from(b64, 'base64');
    for (let bit = 32; bit < raw.length * 8; bit++) {
      const copy = Buffer.from(raw);
      copy[bit >> 3] ^= 1 << (bit & 7);
      const note = `${TEXT}\n— PeterNeumann ${copy.toString('base64')}\n`;
      expect({ bit, kind: kindOf(() => openNote(note, PETER_VERIFIER_KEY)) }).toEqual({ bit, kind: 'invalid-signature' });
    }
  });
});
