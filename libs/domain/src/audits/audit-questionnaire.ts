/** What a question is about: the obligations of Art. 28(3) and the Art. 30/32/33/37 duties behind them. */
export const AUDIT_TOPICS = [
  'DPO',
  'REGISTER',
  'INSTRUCTIONS',
  'CONFIDENTIALITY',
  'SECURITY',
  'SUBPROCESSORS',
  'TRANSFERS',
  'BREACHES',
  'DATA_SUBJECT_REQUESTS',
  'END_OF_CONTRACT',
  'AUDITS',
] as const;
export type AuditTopic = (typeof AUDIT_TOPICS)[number];

export interface AuditQuestion {
  /** Stable across template versions while the question means the same: answers are reused by it. */
  questionId: string;
  topic: AuditTopic;
  /** The provision the question checks. */
  article: string;
  text: string;
}

export interface QuestionnaireTemplate {
  templateId: string;
  title: string;
  questions: AuditQuestion[];
}
