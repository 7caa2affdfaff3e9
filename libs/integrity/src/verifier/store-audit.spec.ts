import { chainHash, GENESIS_HASH, HashedEnvelope } from '../hash-chain';
import { eventLeafHash } from '../leaf';
import { merkleRoot } from '../merkle';
import { AuditedEvent, StoreAuditor } from './store-audit';

function log(count: number): AuditedEvent[] {
  const events: AuditedEvent[] = [];
  for (let i = 0; i < count; i++) {
    const envelope: HashedEnvelope = {
      eventId: `e${i}`,
      stream: `s${i % 2}`,
      revision: Math.floor(i / 2),
      type: 'InstructionReceived',
      schemaVersion: 1,
      data: { n: i },
      metadata: {},
      prevHash: i < 2 ? GENESIS_HASH : events[i - 2].hash,
    };
    events.push({ ...envelope, hash: chainHash(envelope), position: `1.${i + 1}` });
  }
  return events;
}

const rootOf = (events: AuditedEvent[], size: number) => merkleRoot(events.slice(0, size).map((e) => eventLeafHash(e.hash)));

function audit(events: AuditedEvent[], roots: Array<{ treeSize: number; rootHash: Buffer }>) {
  const auditor = new StoreAuditor(roots);
  for (const event of events) {
    const finding = auditor.add(event);
    if (finding) return finding;
  }
  return auditor.finish();
}

describe('auditing the stored log (ledger verify --store)', () => {
  const events = log(7);
  const signed = [3, 7].map((treeSize) => ({ treeSize, rootHash: rootOf(events, treeSize) }));

  it('passes an untouched log whose signed roots match', () => {
    expect(audit(events, signed)).toBeNull();
  });

  it('names the first event whose stored bytes no longer match its hash', () => {
    const tampered = events.map((e, i) => (i === 4 ? { ...e, data: { n: 44 } } : e));
    expect(audit(tampered, signed)).toMatch(/^event e4 .*no longer match its hash/);
  });

  it('catches an event rewritten together with its hash, through the next link of its stream', () => {
    const rewritten = { ...events[2], data: { n: 22 } };
    const tampered = events.map((e, i) => (i === 2 ? { ...rewritten, hash: chainHash(rewritten) } : e));
    expect(audit(tampered, signed)).toMatch(/signed checkpoint of size 3 does not match the events up to event e2/);
    expect(audit(tampered, [signed[1]])).toMatch(/^event e4 .*does not link to the previous event of its stream/);
  });

  it('catches the last event of a stream rewritten with its hash, through the signed root', () => {
    const rewritten = { ...events[6], data: { n: 66 } };
    const tampered = events.map((e, i) => (i === 6 ? { ...rewritten, hash: chainHash(rewritten) } : e));
    expect(audit(tampered, signed)).toMatch(/signed checkpoint of size 7 does not match/);
  });

  it('goes on after a finding, and names every altered event and nothing else', () => {
    const tampered = events.map((e, i) => (i === 1 || i === 2 || i === 5 ? { ...e, data: { n: -i } } : e));
    const auditor = new StoreAuditor(signed);
    const findings = tampered.map((e) => auditor.add(e)).filter((f) => f !== null);
    expect(findings).toEqual([
      expect.stringMatching(/^event e1 .*no longer match its hash$/),
      expect.stringMatching(/^event e2 .*no longer match its hash$/),
      expect.stringMatching(/^event e5 .*no longer match its hash$/),
    ]);
    expect(auditor.finish()).toBeNull();
  });

  it('notices events that disappeared from the end of the log', () => {
    expect(audit(events.slice(0, 5), signed)).toMatch(/signs 7 events but the store holds only 5/);
  });
});
