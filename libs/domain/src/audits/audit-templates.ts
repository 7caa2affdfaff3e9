import { QuestionnaireTemplate } from './audit-questionnaire';
import { PROCESSOR_AUDIT_V1 } from './templates/processor-audit-v1';

/** The questionnaires shipped with the ledger; a template is never changed once published. */
export const QUESTIONNAIRE_TEMPLATES: ReadonlyArray<QuestionnaireTemplate> = [PROCESSOR_AUDIT_V1];

export const DEFAULT_QUESTIONNAIRE_TEMPLATE_ID = PROCESSOR_AUDIT_V1.templateId;

export function findQuestionnaireTemplate(templateId: string): QuestionnaireTemplate | null {
  return QUESTIONNAIRE_TEMPLATES.find((t) => t.templateId === templateId) ?? null;
}
