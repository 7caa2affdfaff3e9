/**
 * Why a note, key, checkpoint or tlog-proof was refused. `kind` lets callers (CLI exit codes,
 * GraphQL errors) tell a damaged file from a forged or foreign one without parsing messages.
 */
export type NoteErrorKind =
  | 'malformed-key' // a signer or verifier key string that is not in the Go note encoding
  | 'malformed-note' // not a signed note: syntax, characters, signature lines
  | 'unverified' // well-formed, but carries no signature by any of the given keys
  | 'invalid-signature' // a signature by a given key that does not verify: forged or altered text
  | 'malformed-checkpoint' // note text that is not a c2sp.org/tlog-checkpoint
  | 'malformed-proof' // not a c2sp.org/tlog-proof@v1
  | 'origin-mismatch'; // a checkpoint from another log than the one expected

export class NoteError extends Error {
  override readonly name = 'NoteError';

  constructor(
    readonly kind: NoteErrorKind,
    message: string,
  ) {
    super(message);
  }
}
