import { NoteError } from './errors';
import { generateSigner, keyIdOf, parseSignerKey, parseVerifierKey } from './keys';
import { BAD_VERIFIER_KEYS, ENOCH_VERIFIER_KEY, FORMATS_KEY_PAIRS, PETER_SIGNER_KEY, PETER_VERIFIER_KEY, SUMDB_VERIFIER_KEY } from './testdata/go-note-vectors';

const refuses = (parse: () => unknown): boolean => {
  try {
    parse();
    return false;
  } catch (e) {
    if (e instanceof NoteError && e.kind === 'malformed-key') return true;
    throw e;
  }
};

describe('c2sp.org/signed-note Ed25519 keys in the golang.org/x/mod/sumdb/note encoding', () => {
  it('parses the Go test keys, key ID = SHA-256(name || 0x0A || 0x01 || key)[:4]', () => {
    const peter = parseVerifierKey(PETER_VERIFIER_KEY);
    expect(peter.name).toBe('PeterNeumann');
    expect(peter.keyId).toBe(0xc74f20a3);
    expect(keyIdOf(peter.name, peter.publicKey)).toBe(0xc74f20a3);
    expect(parseVerifierKey(ENOCH_VERIFIER_KEY).keyId).toBe(0xaf0cfe78);
    expect(parseVerifierKey(SUMDB_VERIFIER_KEY).keyId).toBe(0x033de0ae);
  });

  it('derives from the Go signer key the public key of the Go verifier key', () => {
    const signer = parseSignerKey(PETER_SIGNER_KEY);
    expect(signer.verifierKey).toBe(PETER_VERIFIER_KEY);
    expect(signer.keyId).toBe(0xc74f20a3);
  });

  it.each(FORMATS_KEY_PAIRS)('handles key data containing "+" ($verifier)', ({ signer, verifier }) => {
    expect(parseSignerKey(signer).verifierKey).toBe(verifier);
    expect(parseVerifierKey(verifier).encoded).toBe(verifier);
  });

  it('refuses every substring and every single-character change of a verifier key (TestNewVerifier)', () => {
    const key = PETER_VERIFIER_KEY;
    for (let i = 0; i <= key.length; i++) {
      for (let j = i + 1; j <= key.length; j++) {
        if (i === 0 && j === key.length) continue;
        expect({ key: key.slice(i, j), refused: refuses(() => parseVerifierKey(key.slice(i, j))) }).toEqual({ key: key.slice(i, j), refused: true });
      }
    }
    for (let i = 0; i < key.length; i++) {
      const mangled = key.slice(0, i) + String.fromCharCode(key.charCodeAt(i) + 1) + key.slice(i + 1);
      expect({ mangled, refused: refuses(() => parseVerifierKey(mangled)) }).toEqual({ mangled, refused: true });
    }
    for (const bad of BAD_VERIFIER_KEYS) expect(refuses(() => parseVerifierKey(bad))).toBe(true);
  });

  it('refuses every substring and every single-character change of a signer key (TestNewSigner)', () => {
    const key = PETER_SIGNER_KEY;
    for (let i = 0; i <= key.length; i++) {
      for (let j = i + 1; j <= key.length; j++) {
        if (i === 0 && j === key.length) continue;
        expect({ key: key.slice(i, j), refused: refuses(() => parseSignerKey(key.slice(i, j))) }).toEqual({ key: key.slice(i, j), refused: true });
      }
    }
    for (let i = 0; i < key.length; i++) {
      const mangled = key.slice(0, i) + String.fromCharCode(key.charCodeAt(i) + 1) + key.slice(i + 1);
      expect({ mangled, refused: refuses(() => parseSignerKey(mangled)) }).toEqual({ mangled, refused: true });
    }
  });

  it('generates a key pair whose two halves match (TestGenerateKey)', () => {
    const { signerKey, verifierKey } = generateSigner('ledger.example/log');
    expect(signerKey).toMatch(/^PRIVATE\+KEY\+ledger\.example\/log\+[0-9a-f]{8}\+/);
    expect(parseSignerKey(signerKey).verifierKey).toBe(verifierKey);
    expect(parseVerifierKey(verifierKey).name).toBe('ledger.example/log');
  });

  it('refuses key names with spaces or plus signs', () => {
    for (const name of ['', 'a b', 'a+b', 'tab\there', 'nbsp\u00a0', 'nel\u0085']) {
      expect(refuses(() => generateSigner(name))).toBe(true);
    }
  });
});
