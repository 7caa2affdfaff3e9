import type { AuditTopic } from '@ledger/domain';

/** A processor's standing answers to the questionnaire, one per topic, as a small SaaS would give them. */
export function standardAuditAnswers(processorName: string, hosting: string): Record<AuditTopic, string> {
  return {
    DPO: `${processorName} has an external DPO (dpo@${processorName.toLowerCase()}.example), published in the privacy notice and consulted on every new feature.`,
    REGISTER: `We keep an Art. 30(2) record per client in this ledger; it is reviewed every quarter and exported on request.`,
    INSTRUCTIONS: `Instructions are logged with their channel and document fingerprint; anything we believe infringes the GDPR is flagged to the client at once.`,
    CONFIDENTIALITY: `Every employee and contractor signs a confidentiality clause; access is role-based and reviewed monthly; yearly GDPR training.`,
    SECURITY: `Hosted in ${hosting}; TLS 1.2+ in transit, AES-256 at rest; daily encrypted backups with a restore tested twice a year; yearly penetration test.`,
    SUBPROCESSORS: `Sub-processors are listed per client; new ones are announced 30 days ahead under a general authorisation, with the same obligations flowed down.`,
    TRANSFERS: `Data stays in the EEA except where a listed sub-processor relies on the Commission's standard contractual clauses, with a transfer impact assessment.`,
    BREACHES: `Breaches are detected by monitoring and on-call staff, recorded here, and notified to the client within the hours of its agreement.`,
    DATA_SUBJECT_REQUESTS: `Requests reaching us are forwarded to the client within one working day and answered with its instructions within the Art. 12(3) period.`,
    END_OF_CONTRACT: `At the end of the contract the data is returned as CSV or deleted at the client's choice, backups expire within 30 days, and we confirm in writing.`,
    AUDITS: `Clients may audit once a year on 30 days' notice; this questionnaire, our certificates and the ledger's proofs are available at any time.`,
  };
}
