import { leafHash } from '../merkle/hash';
import { rootPlan } from '../merkle/node-id';
import { assembleProof, inclusionPlan } from '../merkle/proof-plan';
import { merkleRoot } from '../merkle/root';
import { memoryTree } from '../merkle/testdata/memory-tree';
import { ProofError } from '../merkle/verify';
import { formatCheckpoint } from './checkpoint';
import { NoteError } from './errors';
import { generateSigner } from './keys';
import { signNote } from './signed-note';
import { formatTlogProof, parseTlogProof, verifyTlogProof } from './tlog-proof';

const origin = 'ledger.example/log';
const log = generateSigner(origin);
const leaves = Array.from({ length: 13 }, (_, i) => leafHash(Buffer.from(`event ${i}`)));
const checkpoint = signNote(formatCheckpoint({ origin, size: leaves.length, rootHash: merkleRoot(leaves) }), log.signerKey);
const hashOf = memoryTree(leaves);
const proofFor = (index: number) => {
  const plan = inclusionPlan(index, leaves.length);
  return assembleProof(plan, plan.nodes.map(hashOf));
};

describe('c2sp.org/tlog-proof@v1 (as transparency-dev/merkle proof/tlog_proof.go)', () => {
  it('writes the layout of the spec: header, extra, index, hashes, blank line, checkpoint', () => {
    const hashes = proofFor(5);
    const text = formatTlogProof({ index: 5, hashes, checkpoint, extra: Buffer.from('extra information') });
    expect(text).toBe(
      ['c2sp.org/tlog-proof@v1', `extra ${Buffer.from('extra information').toString('base64')}`, 'index 5', ...hashes.map((h) => h.toString('base64')), ''].join('\n') +
        '\n' +
        checkpoint,
    );
    expect(parseTlogProof(text)).toEqual({ index: 5, hashes, checkpoint, extra: Buffer.from('extra information') });
    expect(formatTlogProof({ index: 0, hashes: [], checkpoint })).toBe(`c2sp.org/tlog-proof@v1\nindex 0\n\n${checkpoint}`);
    expect(parseTlogProof(formatTlogProof({ index: 0, hashes: [], checkpoint }))).toEqual({ index: 0, hashes: [], checkpoint });
  });

  it('verifies every event of the log end to end, and only against its own leaf', () => {
    for (let index = 0; index < leaves.length; index++) {
      const text = formatTlogProof({ index, hashes: proofFor(index), checkpoint });
      expect(verifyTlogProof(text, leaves[index], log.verifierKey, origin)).toMatchObject({ index, checkpoint: { origin, size: 13 } });
      expect(() => verifyTlogProof(text, leaves[(index + 1) % leaves.length], log.verifierKey)).toThrow(ProofError);
    }
    expect(rootPlan(13)).toHaveLength(3); // 8 + 4 + 1: proofs here cross an incomplete subtree
  });

  it('refuses a proof whose checkpoint is not signed by the log key, or is from another log', () => {
    const text = formatTlogProof({ index: 3, hashes: proofFor(3), checkpoint });
    expect(() => verifyTlogProof(text, leaves[3], generateSigner(origin).verifierKey)).toThrow(NoteError);
    expect(() => verifyTlogProof(text, leaves[3], log.verifierKey, 'other.example/log')).toThrow(/expected/);
  });

  it('refuses malformed proofs (error cases of tlog_proof_test.go, and stricter ones)', () => {
    const h = Buffer.alloc(32).toString('base64');
    const bad = [
      'wrong-header\nindex 0\n\ncheckpoint\n',
      'c2sp.org/tlog-proof@v1\nextra !!notbase64!!\nindex 0\n\ncheckpoint\n',
      'c2sp.org/tlog-proof@v1\n\n\ncheckpoint\n',
      'c2sp.org/tlog-proof@v1\nindex notanumber\n\ncheckpoint\n',
      'c2sp.org/tlog-proof@v1\nindex -5\n\ncheckpoint\n',
      'c2sp.org/tlog-proof@v1\nindex 05\n\ncheckpoint\n',
      'c2sp.org/tlog-proof@v1\nindex 0\n!!notbase64!!\n\ncheckpoint\n',
      `c2sp.org/tlog-proof@v1\nindex 0\n${Buffer.alloc(64).toString('base64')}\n\ncheckpoint\n`,
      `c2sp.org/tlog-proof@v1\nindex 0\n${h}\n`,
      `c2sp.org/tlog-proof@v1\nindex 0\n${h}\n\n`,
    ];
    for (const text of bad) {
      let kind: string | undefined;
      try {
        parseTlogProof(text);
      } catch (e) {
        kind = e instanceof NoteError ? e.kind : 'other';
      }
      expect({ text, kind }).toEqual({ text, kind: 'malformed-proof' });
    }
  });
});
