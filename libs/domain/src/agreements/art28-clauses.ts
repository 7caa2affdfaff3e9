/** The clauses Art. 28(3) requires in every processor contract, by their letter. */
export const ART28_CLAUSES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;
export type Art28Clause = (typeof ART28_CLAUSES)[number];

/** What each clause commits the processor to, in short (see GDPR-RULES.md). */
export const ART28_CLAUSE_DESCRIPTIONS: Readonly<Record<Art28Clause, string>> = {
  A: "acts only on the controller's documented instructions, transfers to third countries included",
  B: 'binds the staff who touch the data to confidentiality',
  C: 'takes the security measures of Art. 32',
  D: 'follows Art. 28(2) and 28(4) to engage sub-processors',
  E: 'helps the controller answer data-subject requests (Chapter III rights)',
  F: 'helps the controller with Arts. 32-36: security, breach notification, impact assessment, prior consultation',
  G: "deletes or returns all personal data at the end of the service, at the controller's choice, and deletes the copies",
  H: 'provides the information needed to demonstrate compliance and allows audits, inspections included',
};

export interface MissingClause {
  clause: Art28Clause;
  description: string;
}

/** The Art. 28(3) clauses a contract lacks, in the regulation's order. */
export function missingClauses(present: readonly Art28Clause[]): MissingClause[] {
  return ART28_CLAUSES.filter((clause) => !present.includes(clause)).map((clause) => ({
    clause,
    description: ART28_CLAUSE_DESCRIPTIONS[clause],
  }));
}
