import { chainHash, GENESIS_HASH, HashedEnvelope } from '../hash-chain';
import { eventLeafHash } from '../leaf';
import { nodeHash } from '../merkle';

export interface AuditedEvent extends HashedEnvelope {
  hash: string;
  position: string;
}

export interface SignedRoot {
  treeSize: number;
  rootHash: Buffer;
}

/**
 * Replays the stored log in order, re-deriving each event's hash, each stream's chain and the
 * Merkle root at every signed size. A finding does not stop it: the stream's chain and the tree
 * go on from the event as stored, so each later event is judged on its own and an auditor gets
 * every altered event, not only the first.
 */
export class StoreAuditor {
  private readonly heads = new Map<string, { revision: number; hash: string }>();
  /** The right edge of the tree: perfect subtrees, largest first, as [level, hash]. */
  private readonly edge: Array<{ level: number; hash: Buffer }> = [];
  private size = 0;
  private pending: SignedRoot[];

  constructor(signedRoots: SignedRoot[]) {
    this.pending = [...signedRoots].sort((a, b) => a.treeSize - b.treeSize);
    if (this.pending[0]?.treeSize === 0) this.pending.shift();
  }

  /** Adds the next event of the log; returns why it fails, or null. */
  add(event: AuditedEvent): string | null {
    const where = `event ${event.eventId} (stream ${event.stream}, revision ${event.revision}, position ${event.position})`;
    const head = this.heads.get(event.stream);
    const expected = head ? { revision: head.revision + 1, prevHash: head.hash } : { revision: 0, prevHash: GENESIS_HASH };
    this.heads.set(event.stream, { revision: event.revision, hash: event.hash });
    const finding =
      chainHash(event) !== event.hash
        ? `${where}: its stored bytes no longer match its hash`
        : event.revision !== expected.revision
          ? `${where}: revision ${expected.revision} of the stream is missing`
          : event.prevHash !== expected.prevHash
            ? `${where}: it does not link to the previous event of its stream`
            : null;
    const sealed = this.seal(event, where);
    return finding && sealed ? `${finding}; ${sealed}` : (finding ?? sealed);
  }

  /** Adds the event's leaf to the tree; checks the root when a checkpoint signed this size. */
  private seal(event: AuditedEvent, where: string): string | null {
    let node = { level: 0, hash: eventLeafHash(event.hash) };
    while (this.edge.length > 0 && this.edge[this.edge.length - 1].level === node.level) {
      const left = this.edge.pop()!;
      node = { level: node.level + 1, hash: nodeHash(left.hash, node.hash) };
    }
    this.edge.push(node);
    this.size++;
    if (this.pending[0]?.treeSize === this.size) {
      const signed = this.pending.shift()!;
      if (!this.root().equals(signed.rootHash))
        return `the signed checkpoint of size ${signed.treeSize} does not match the events up to ${where}`;
    }
    return null;
  }

  /** Called after the last event: signed sizes beyond the log mean events have disappeared. */
  finish(): string | null {
    const missing = this.pending[0];
    return missing ? `a checkpoint signs ${missing.treeSize} events but the store holds only ${this.size}` : null;
  }

  get eventCount(): number {
    return this.size;
  }

  private root(): Buffer {
    let hash = this.edge[this.edge.length - 1].hash;
    for (let i = this.edge.length - 2; i >= 0; i--) hash = nodeHash(this.edge[i].hash, hash);
    return hash;
  }
}
