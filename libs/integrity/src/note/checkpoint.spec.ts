import { createHash } from 'node:crypto';
import { formatCheckpoint, openCheckpoint, parseCheckpoint } from './checkpoint';
import { NoteError, NoteErrorKind } from './errors';
import { generateSigner } from './keys';
import { signNote } from './signed-note';
import { CHECKPOINT_BODIES, SUMDB_CHECKPOINT_NOTE, SUMDB_VERIFIER_KEY } from './testdata/go-note-vectors';

function kindOf(run: () => unknown): NoteErrorKind | 'accepted' {
  try {
    run();
    return 'accepted';
  } catch (e) {
    if (e instanceof NoteError) return e.kind;
    throw e;
  }
}

const root = createHash('sha256').update('root').digest();

describe('c2sp.org/tlog-checkpoint', () => {
  it('opens a real sum.golang.org checkpoint (transparency-dev/formats TestSumDBNoteParsing)', () => {
    const checkpoint = openCheckpoint(SUMDB_CHECKPOINT_NOTE, SUMDB_VERIFIER_KEY, 'go.sum database tree');
    expect(checkpoint.origin).toBe('go.sum database tree');
    expect(checkpoint.size).toBe(6476701);
    expect(checkpoint.rootHash.toString('base64')).toBe('mb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=');
    expect(checkpoint.extensions).toEqual([]);
    expect(kindOf(() => openCheckpoint(SUMDB_CHECKPOINT_NOTE, SUMDB_VERIFIER_KEY, 'Go rocks but I might have the wrong ID'))).toBe('origin-mismatch');
  });

  it('formats the three lines and the extension lines, and parses them back', () => {
    const text = formatCheckpoint({ origin: 'ledger.example/log', size: 42, rootHash: root, extensions: ['ext one'] });
    expect(text).toBe(`ledger.example/log\n42\n${root.toString('base64')}\next one\n`);
    expect(parseCheckpoint(text)).toEqual({ origin: 'ledger.example/log', size: 42, rootHash: root, extensions: ['ext one'] });
    expect(formatCheckpoint({ origin: 'o', size: 0, rootHash: root })).toBe(`o\n0\n${root.toString('base64')}\n`);
  });

  it('matches the line syntax of transparency-dev/formats checkpoint_test.go, but requires a 32-byte root hash', () => {
    for (const { text, origin, size, hash } of CHECKPOINT_BODIES) {
      expect(() => parseCheckpoint(text)).toThrow(/root hash/);
      expect(() => formatCheckpoint({ origin, size, rootHash: Buffer.from(hash) })).toThrow(RangeError);
    }
  });

  it('refuses malformed checkpoint text', () => {
    const h = root.toString('base64');
    const bad = [
      'Head\n9944\n', // transparency-dev/formats: insufficient lines
      `\n9944\n${h}\n`, // empty origin
      `Log\n123\n${h}`, // missing final newline
      `Log\nbananas\n${h}\n`,
      `Log\n-34\n${h}\n`,
      `Log\n3438945738945739845734895735\n${h}\n`, // beyond uint64 there, beyond 2^53 here
      `Log\n9007199254740992\n${h}\n`,
      `Log\n007\n${h}\n`, // leading zeros
      `Log\n+7\n${h}\n`,
      `Log\n 7\n${h}\n`,
      "Log\n123\nThisIsn'tBase64\n",
      `Log\n123\n${h.slice(0, -1)}\n`,
      `Log\n123\n${h}\n\n`, // empty extension line
      `Log\n123\n${h}\nfine\n\n`,
    ];
    for (const text of bad) expect({ text, kind: kindOf(() => parseCheckpoint(text)) }).toEqual({ text, kind: 'malformed-checkpoint' });
  });

  it('refuses to format impossible fields', () => {
    expect(() => formatCheckpoint({ origin: '', size: 1, rootHash: root })).toThrow(RangeError);
    expect(() => formatCheckpoint({ origin: 'a\nb', size: 1, rootHash: root })).toThrow(RangeError);
    expect(() => formatCheckpoint({ origin: 'o', size: -1, rootHash: root })).toThrow(RangeError);
    expect(() => formatCheckpoint({ origin: 'o', size: 1, rootHash: root, extensions: [''] })).toThrow(RangeError);
  });

  it('signs and opens a checkpoint; a checkpoint signed by another key is unverified', () => {
    const log = generateSigner('ledger.example/log');
    const other = generateSigner('ledger.example/log');
    const note = signNote(formatCheckpoint({ origin: 'ledger.example/log', size: 7, rootHash: root }), log.signerKey);
    expect(openCheckpoint(note, log.verifierKey, 'ledger.example/log').size).toBe(7);
    expect(kindOf(() => openCheckpoint(note, other.verifierKey))).toBe('unverified');
    expect(kindOf(() => openCheckpoint(note.replace('\n7\n', '\n8\n'), log.verifierKey))).toBe('invalid-signature');
  });
});
