import { leafHash } from './merkle';

/**
 * Leaf encoding, version 1: which bytes of an event enter the Merkle log (docs/merkle-log.md).
 * The event hash already covers the whole envelope but its position, so the leaf is that hash
 * behind a version byte: a later encoding gets a new byte, never a new meaning for an old one.
 */
export const LEAF_VERSION = 0x01;

export function leafData(eventHashHex: string): Buffer {
  const hash = Buffer.from(eventHashHex, 'hex');
  if (hash.length !== 32) throw new Error(`not a SHA-256 event hash: ${eventHashHex}`);
  return Buffer.concat([Buffer.from([LEAF_VERSION]), hash]);
}

export function eventLeafHash(eventHashHex: string): Buffer {
  return leafHash(leafData(eventHashHex));
}
