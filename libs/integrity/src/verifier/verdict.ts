/** Why a verification ended as it did; the CLI prints one line and exits 0 only for `verified`. */
export type VerdictKind =
  | 'verified'
  | 'malformed'
  | 'invalid-signature'
  | 'invalid-proof'
  | 'event-mismatch'
  | 'went-backwards'
  | 'unproven';

export interface VerifiedCheckpoint {
  /** The signed note, as received. */
  note: string;
  origin: string;
  size: number;
  rootHash: Buffer;
}

export interface Verdict {
  kind: VerdictKind;
  message: string;
  /** The newest checkpoint this verification established, to keep for next time. */
  checkpoint?: VerifiedCheckpoint;
}

export class VerificationFailure extends Error {
  constructor(
    readonly kind: Exclude<VerdictKind, 'verified'>,
    message: string,
  ) {
    super(message);
  }
}
