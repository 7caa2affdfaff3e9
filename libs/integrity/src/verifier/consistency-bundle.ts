/**
 * A consistency proof with both signed checkpoints, as one JSON document. C2SP has no bundle
 * format for consistency proofs; this one is ours, versioned by `format`.
 */
export const CONSISTENCY_BUNDLE_FORMAT = 'ledger/consistency-proof@v1';

export interface ConsistencyBundle {
  fromCheckpoint: string;
  toCheckpoint: string;
  hashes: Buffer[];
}

export function formatConsistencyBundle(bundle: ConsistencyBundle): string {
  return `${JSON.stringify(
    {
      format: CONSISTENCY_BUNDLE_FORMAT,
      fromCheckpoint: bundle.fromCheckpoint,
      toCheckpoint: bundle.toCheckpoint,
      hashes: bundle.hashes.map((h) => h.toString('base64')),
    },
    null,
    2,
  )}\n`;
}

export function isConsistencyBundle(text: string): boolean {
  return text.trimStart().startsWith('{') && text.includes(CONSISTENCY_BUNDLE_FORMAT);
}

export function parseConsistencyBundle(text: string): ConsistencyBundle {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('the consistency bundle is not JSON');
  }
  const { format, fromCheckpoint, toCheckpoint, hashes } = (parsed ?? {}) as Record<string, unknown>;
  if (format !== CONSISTENCY_BUNDLE_FORMAT) throw new Error(`not a ${CONSISTENCY_BUNDLE_FORMAT} bundle`);
  if (typeof fromCheckpoint !== 'string' || typeof toCheckpoint !== 'string') throw new Error('the bundle lacks its two checkpoints');
  if (!Array.isArray(hashes) || !hashes.every((h) => typeof h === 'string' && Buffer.from(h, 'base64').length === 32))
    throw new Error('the bundle hashes are not base64 SHA-256 hashes');
  return { fromCheckpoint, toCheckpoint, hashes: hashes.map((h) => Buffer.from(h as string, 'base64')) };
}
