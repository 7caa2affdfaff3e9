import { Injectable } from '@nestjs/common';
import { type DataSubjectRequestEvent, DataSubjectRequestEvents, type DataSubjectRequestReceivedData, type Requester } from '@ledger/domain';
import { FieldSealer, isSealedField, Pseudonyms } from '@ledger/privacy';

export interface OpenedRequester extends Requester {
  subjectId: string | null;
  erased: boolean;
}

/**
 * The requester is one person's personal data: sealed as one field under their subject's key
 * before it is appended, opened when read. The subject is the keyed pseudonym of the e-mail, so
 * that erasing a person reaches all their requests; without an e-mail, a subject of its own.
 */
@Injectable()
export class RequesterPrivacy {
  constructor(
    private readonly sealer: FieldSealer,
    private readonly pseudonyms: Pseudonyms,
  ) {}

  sealerFor(tenantId: string) {
    return (events: DataSubjectRequestEvent[]) => Promise.all(events.map((event) => this.seal(tenantId, event)));
  }

  private async seal(tenantId: string, event: DataSubjectRequestEvent): Promise<DataSubjectRequestEvent> {
    if (event.type !== DataSubjectRequestEvents.Received || isSealedField(event.data.requester)) return event;
    const { name, email, phone } = event.data.requester as Requester;
    const subjectId = email ? this.pseudonyms.subjectIdForEmail(email) : this.pseudonyms.newSubjectId();
    return { ...event, data: { ...event.data, requester: await this.sealer.seal(tenantId, subjectId, { name, email, phone }) } };
  }

  /** Plaintext from before sealing existed is shown as it is: it has no key, so it cannot be shredded. */
  async open(tenantId: string, requester: DataSubjectRequestReceivedData['requester']): Promise<OpenedRequester> {
    if (!isSealedField(requester)) return { ...(requester as Requester), subjectId: null, erased: false };
    const opened = await this.sealer.open<{ name: string | null; email: string | null; phone: string | null }>(tenantId, requester);
    if (opened.erased) return { name: null, email: null, phone: null, subjectId: requester.subject, erased: true };
    return { ...opened.value, subjectId: requester.subject, erased: false };
  }
}
