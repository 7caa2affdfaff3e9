import { QuestionnaireTemplate } from '../audit-questionnaire';

/**
 * The default questionnaire a controller sends its processor under Art. 28(3)(h), in our own
 * words. Question ids are stable: answers are reused from one audit to the next by id, so a
 * question is never renumbered or reworded in place; a changed question gets a new id in a new
 * template version.
 */
export const PROCESSOR_AUDIT_V1: QuestionnaireTemplate = {
  templateId: 'processor-audit-v1',
  title: 'Processor compliance questionnaire (Art. 28(3)(h)), version 1',
  questions: [
    { questionId: 'dpo.designated', topic: 'DPO', article: 'Art. 37', text: 'Have you designated a data protection officer? If not, why is none required?' },
    { questionId: 'dpo.contact', topic: 'DPO', article: 'Art. 37(7)', text: 'How can we reach your DPO or privacy lead, and is the contact published?' },
    { questionId: 'dpo.independence', topic: 'DPO', article: 'Art. 38', text: 'How do you make sure the DPO is involved early and acts without instructions on their tasks?' },
    { questionId: 'register.kept', topic: 'REGISTER', article: 'Art. 30(2)', text: 'Do you keep a record of the processing you carry out on our behalf, in writing?' },
    { questionId: 'register.content', topic: 'REGISTER', article: 'Art. 30(2)(a)-(d)', text: 'Which categories of processing, transfers and security measures does that record list for us?' },
    { questionId: 'register.review', topic: 'REGISTER', article: 'Art. 30(4)', text: 'How often is the record reviewed, and could you show it to a supervisory authority on request?' },
    { questionId: 'instructions.documented', topic: 'INSTRUCTIONS', article: 'Art. 28(3)(a)', text: 'How do you log and keep the instructions we give you?' },
    { questionId: 'instructions.scope', topic: 'INSTRUCTIONS', article: 'Art. 29', text: 'How do you ensure your staff and systems process our data only as instructed?' },
    { questionId: 'instructions.infringing', topic: 'INSTRUCTIONS', article: 'Art. 28(3), last subparagraph', text: 'What happens when you believe one of our instructions breaks data-protection law?' },
    { questionId: 'instructions.legal-requirement', topic: 'INSTRUCTIONS', article: 'Art. 28(3)(a)', text: 'If a law obliges you to process our data otherwise, how and when do you tell us?' },
    { questionId: 'confidentiality.commitments', topic: 'CONFIDENTIALITY', article: 'Art. 28(3)(b)', text: 'Are all people with access to our data bound by confidentiality, by contract or by law?' },
    { questionId: 'confidentiality.training', topic: 'CONFIDENTIALITY', article: 'Art. 39(1)(b)', text: 'What data-protection training do these people receive, and how often?' },
    { questionId: 'confidentiality.access-review', topic: 'CONFIDENTIALITY', article: 'Art. 32(4)', text: 'How are access rights granted, reviewed and removed when someone leaves?' },
    { questionId: 'security.risk-assessment', topic: 'SECURITY', article: 'Art. 32(1)-(2)', text: 'How do you assess the risks of the processing and choose your measures accordingly?' },
    { questionId: 'security.encryption', topic: 'SECURITY', article: 'Art. 32(1)(a)', text: 'Which data is encrypted or pseudonymised, in transit and at rest, and who holds the keys?' },
    { questionId: 'security.resilience', topic: 'SECURITY', article: 'Art. 32(1)(b)', text: 'How do you keep systems confidential, intact, available and resilient over time?' },
    { questionId: 'security.restore', topic: 'SECURITY', article: 'Art. 32(1)(c)', text: 'How quickly can you restore access to our data after an incident, and when was this last tested?' },
    { questionId: 'security.testing', topic: 'SECURITY', article: 'Art. 32(1)(d)', text: 'How do you regularly test and evaluate your measures (penetration tests, audits)?' },
    { questionId: 'security.certifications', topic: 'SECURITY', article: 'Art. 32(3)', text: 'Which certifications or approved codes of conduct do you hold, and for what scope?' },
    { questionId: 'security.logging', topic: 'SECURITY', article: 'Art. 32(1)(b)', text: 'Which access to our data is logged, and how long are the logs kept?' },
    { questionId: 'subprocessors.list', topic: 'SUBPROCESSORS', article: 'Art. 28(2)', text: 'Which sub-processors process our data, for what, and where?' },
    { questionId: 'subprocessors.authorisation', topic: 'SUBPROCESSORS', article: 'Art. 28(2)', text: 'How do you obtain our authorisation and tell us in advance about a new or replaced sub-processor?' },
    { questionId: 'subprocessors.objection', topic: 'SUBPROCESSORS', article: 'Art. 28(2)', text: 'How long may we object to a change, and what happens if we do?' },
    { questionId: 'subprocessors.flow-down', topic: 'SUBPROCESSORS', article: 'Art. 28(4)', text: 'Do your contracts with sub-processors carry the same data-protection obligations as ours?' },
    { questionId: 'subprocessors.oversight', topic: 'SUBPROCESSORS', article: 'Art. 28(4)', text: 'How do you check that your sub-processors keep their obligations?' },
    { questionId: 'transfers.countries', topic: 'TRANSFERS', article: 'Art. 28(3)(a), Chapter V', text: 'Is any of our data processed or accessible outside the EEA? In which countries?' },
    { questionId: 'transfers.safeguards', topic: 'TRANSFERS', article: 'Arts. 45-46', text: 'On which safeguard does each transfer rely (adequacy decision, standard clauses, binding rules)?' },
    { questionId: 'transfers.assessment', topic: 'TRANSFERS', article: 'Art. 46(1)', text: 'Have you assessed the laws of the destination countries, and which extra measures did you add?' },
    { questionId: 'breaches.detection', topic: 'BREACHES', article: 'Art. 33(2)', text: 'How do you detect a personal data breach and decide that you are aware of it?' },
    { questionId: 'breaches.notification', topic: 'BREACHES', article: 'Art. 33(2)', text: 'Within how many hours do you notify us of a breach, through which channel, with what content?' },
    { questionId: 'breaches.documentation', topic: 'BREACHES', article: 'Art. 33(5)', text: 'How do you document breaches, including those you judge harmless?' },
    { questionId: 'breaches.assistance', topic: 'BREACHES', article: 'Art. 28(3)(f)', text: 'How do you help us notify the authority and, where needed, the people affected?' },
    { questionId: 'rights.forwarding', topic: 'DATA_SUBJECT_REQUESTS', article: 'Art. 28(3)(e)', text: 'What do you do when a person contacts you directly to exercise a right over data you process for us?' },
    { questionId: 'rights.tooling', topic: 'DATA_SUBJECT_REQUESTS', article: 'Art. 28(3)(e)', text: 'How can we find, export, correct, restrict or erase one person\'s data in your service?' },
    { questionId: 'rights.deadlines', topic: 'DATA_SUBJECT_REQUESTS', article: 'Art. 12(3)', text: 'How fast do you act on our requests so that we can answer within one month?' },
    { questionId: 'end.choice', topic: 'END_OF_CONTRACT', article: 'Art. 28(3)(g)', text: 'At the end of the service, how do we choose between deletion and return of our data?' },
    { questionId: 'end.backups', topic: 'END_OF_CONTRACT', article: 'Art. 28(3)(g)', text: 'When are copies (backups, logs, sub-processors\' copies) deleted, and how is it proven?' },
    { questionId: 'end.retention-law', topic: 'END_OF_CONTRACT', article: 'Art. 28(3)(g)', text: 'Which data, if any, must you keep by law after the end, and for how long?' },
    { questionId: 'audits.information', topic: 'AUDITS', article: 'Art. 28(3)(h)', text: 'Which documents do you make available to show that you meet your obligations?' },
    { questionId: 'audits.inspections', topic: 'AUDITS', article: 'Art. 28(3)(h)', text: 'Under what notice and conditions may we or our auditor inspect you on site?' },
    { questionId: 'audits.previous', topic: 'AUDITS', article: 'Art. 28(3)(h)', text: 'What did your last audits find, and what have you changed since?' },
  ],
};
