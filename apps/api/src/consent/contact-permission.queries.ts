import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { assertChannelFits, type Audience, type ContactChannel, contactPermission, DomainError, normalisePurpose } from '@ledger/domain';
import { findContactFacts } from '@ledger/projections';
import { TenantReads } from '../ledger/tenant-reads';
import { ConsentSubjectPrivacy } from './consent-subject-privacy';
import type { ContactPermissionType } from './consent.types';

export class CheckContactPermissions extends Query<ContactPermissionType[]> {
  constructor(
    readonly tenantId: string,
    readonly subjects: string[],
    readonly request: { channel: ContactChannel; audience: Audience; purpose: string },
  ) {
    super();
  }
}

/**
 * Reads every subject's facts with one query, then applies the pure rules to each. A subject
 * that cannot be read, or that the channel cannot reach, is answered "not allowed" in its place
 * rather than failing the whole campaign list.
 */
@QueryHandler(CheckContactPermissions)
export class CheckContactPermissionsHandler implements IQueryHandler<CheckContactPermissions> {
  constructor(
    private readonly reads: TenantReads,
    private readonly subjects: ConsentSubjectPrivacy,
  ) {}

  async execute({ tenantId, subjects, request }: CheckContactPermissions): Promise<ContactPermissionType[]> {
    const purpose = normalisePurpose(request.purpose);
    const identified = subjects.map((raw) => {
      try {
        const subject = this.subjects.identify(raw);
        assertChannelFits(subject.subject, request.channel);
        return subject;
      } catch (error) {
        if (error instanceof DomainError) return { raw, reason: error.message };
        throw error;
      }
    });
    const hashes = identified.flatMap((s) => ('identifierHash' in s ? [s.identifierHash] : []));
    const facts = await this.reads.as(tenantId, (tx) => findContactFacts(tx, tenantId, hashes, request.channel));
    return identified.map((s) =>
      'identifierHash' in s
        ? { subject: s.subject.value, ...contactPermission(facts.get(s.identifierHash)!, { ...request, purpose }) }
        : { subject: s.raw, allowed: false, rule: 'INVALID_SUBJECT', reason: `${s.reason}: a subject that cannot be matched is never cleared for contact.`, eventIds: [] },
    );
  }
}
