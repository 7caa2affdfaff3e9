import { AUDIT_TOPICS } from './audit-questionnaire';
import { DEFAULT_QUESTIONNAIRE_TEMPLATE_ID, findQuestionnaireTemplate, QUESTIONNAIRE_TEMPLATES } from './audit-templates';

describe('the shipped audit questionnaires (Art. 28(3)(h))', () => {
  it('offers a default template of about forty questions', () => {
    const template = findQuestionnaireTemplate(DEFAULT_QUESTIONNAIRE_TEMPLATE_ID)!;
    expect(template.questions.length).toBeGreaterThanOrEqual(35);
    expect(template.questions.length).toBeLessThanOrEqual(45);
  });

  it.each(QUESTIONNAIRE_TEMPLATES)('gives each question of $templateId a unique id, a topic, an article and a text', (template) => {
    const ids = template.questions.map((q) => q.questionId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const q of template.questions) {
      expect(q.questionId).toMatch(/^[a-z-]+\.[a-z-]+$/);
      expect(AUDIT_TOPICS).toContain(q.topic);
      expect(q.article).toMatch(/Art|Chapter/);
      expect(q.text.trim().length).toBeGreaterThan(10);
    }
  });

  it('covers every topic: DPO, register, instructions, confidentiality, security, sub-processors, transfers, breaches, data-subject requests, end of contract, audits', () => {
    const topics = new Set(findQuestionnaireTemplate(DEFAULT_QUESTIONNAIRE_TEMPLATE_ID)!.questions.map((q) => q.topic));
    expect([...topics].sort()).toEqual([...AUDIT_TOPICS].sort());
  });

  it('knows no template under an unknown id', () => expect(findQuestionnaireTemplate('nope')).toBeNull());
});
