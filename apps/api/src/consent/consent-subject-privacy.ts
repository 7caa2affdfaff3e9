import { Injectable } from '@nestjs/common';
import { type ConsentEvent, normaliseSubjectIdentifier, type NormaliseOptions, type SubjectIdentifier } from '@ledger/domain';
import { FieldSealer, isSealedField, Pseudonyms } from '@ledger/privacy';

/** A subject identifier as the consent commands take it: normalised, with its keyed pseudonyms. */
export interface IdentifiedSubject {
  subject: SubjectIdentifier;
  subjectId: string;
  identifierHash: string;
}

/**
 * The e-mail or phone of a consent fact is one person's personal data: sealed under the key of
 * the subject it names before the append, so that erasing the subject shreds it. The pseudonyms
 * beside it stay, so that an objection keeps being honoured after erasure. An e-mail maps to the
 * same subject as a data-subject requester with that e-mail: one erasure reaches both.
 */
@Injectable()
export class ConsentSubjectPrivacy {
  constructor(
    private readonly sealer: FieldSealer,
    private readonly pseudonyms: Pseudonyms,
  ) {}

  identify(raw: string, options?: NormaliseOptions): IdentifiedSubject {
    const subject = normaliseSubjectIdentifier(raw, options);
    return { subject, ...this.pseudonyms.ofIdentifier(subject.kind, subject.value) };
  }

  /** Only the keyed hash, for matching against the suppression list. */
  identifierHashOf(subject: SubjectIdentifier): string {
    return this.pseudonyms.keyedHash(subject.kind, subject.value);
  }

  sealerFor(tenantId: string) {
    return (events: ConsentEvent[]) => Promise.all(events.map((event) => this.seal(tenantId, event)));
  }

  private async seal(tenantId: string, event: ConsentEvent): Promise<ConsentEvent> {
    if (isSealedField(event.data.subject)) return event;
    const { kind, value } = event.data.subject as SubjectIdentifier;
    return { ...event, data: { ...event.data, subject: await this.sealer.seal(tenantId, event.data.subjectId, { kind, value }) } } as ConsentEvent;
  }
}
