import { createHmac, randomBytes } from 'node:crypto';

/** Lower-cased and trimmed: the form in which two spellings of one address are one subject. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const SUBJECT_ID = /^subj-[0-9a-f]{32}$/;

export function isSubjectId(value: string): boolean {
  return SUBJECT_ID.test(value);
}

/**
 * Keyed pseudonyms (HMAC-SHA-256 under a secret key): the same person always gets the same
 * subject id, so one erasure reaches every record about them, yet the id reveals nothing to
 * anyone without the key, and stays meaningless once the subject is erased.
 */
export class Pseudonyms {
  constructor(private readonly key: Buffer) {
    if (key.length < 32) throw new Error('the pseudonym key must be at least 32 bytes');
  }

  /** HMAC-SHA-256 of a normalised identifier, hex; `kind` keeps an e-mail and a phone apart. */
  keyedHash(kind: 'email' | 'phone', normalised: string): string {
    return createHmac('sha256', this.key).update(`${kind}:${normalised}`, 'utf8').digest('hex');
  }

  subjectIdForEmail(email: string): string {
    return this.ofIdentifier('email', normaliseEmail(email)).subjectId;
  }

  /**
   * Both pseudonyms of a normalised identifier: the subject id (whose key seals it, erasable) and
   * the full keyed hash, which the suppression list keeps after erasure to keep honouring opt-outs.
   */
  ofIdentifier(kind: 'email' | 'phone', normalised: string): { subjectId: string; identifierHash: string } {
    const identifierHash = this.keyedHash(kind, normalised);
    return { subjectId: `subj-${identifierHash.slice(0, 32)}`, identifierHash };
  }

  /** For a person known by no stable identifier: a subject of its own, erasable by this id. */
  newSubjectId(): string {
    return `subj-${randomBytes(16).toString('hex')}`;
  }
}
