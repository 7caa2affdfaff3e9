import { DomainError, requireText } from '../shared';
import { AnswerAudit } from './audit.commands';
import { AnswerContent, auditStream, Citation, EvidenceDocument } from './audit.events';

const SHA256_HEX = /^[0-9a-f]{64}$/;

function evidence(documents: EvidenceDocument[]): EvidenceDocument[] {
  return documents.map(({ name, sha256 }) => {
    const trimmed = name.trim();
    if (!trimmed) throw new DomainError('every evidence document needs a name', 'BAD_USER_INPUT', 'evidence');
    const hash = sha256.trim().toLowerCase();
    if (!SHA256_HEX.test(hash)) throw new DomainError(`the SHA-256 of ${trimmed} must be 64 hexadecimal characters`, 'BAD_USER_INPUT', 'evidence');
    return { name: trimmed, sha256: hash };
  });
}

/**
 * A citation pins the cited stream at its revision now, so that a later event on it shows the
 * answer may be out of date. Citing the audit itself would make every answer stale at once.
 */
function citations(auditId: string, cites: AnswerAudit['data']['cites']): Citation[] {
  const seen = new Map<string, Citation>();
  for (const { stream, revision } of cites) {
    if (stream === auditStream(auditId)) throw new DomainError('an answer cannot cite its own audit', 'BAD_USER_INPUT', 'cites');
    if (revision === null) throw new DomainError(`cited stream ${stream} has no events`, 'NOT_FOUND', 'cites');
    seen.set(stream, { stream, revision });
  }
  return [...seen.values()];
}

export function answerContent({ auditId, answer, evidence: documents, cites }: AnswerAudit['data']): AnswerContent {
  return { answer: requireText(answer, 'answer'), evidence: evidence(documents), cites: citations(auditId, cites) };
}
