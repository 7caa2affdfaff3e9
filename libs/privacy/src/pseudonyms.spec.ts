import { randomBytes } from 'node:crypto';
import { isSubjectId, Pseudonyms } from './pseudonyms';

const pseudonyms = new Pseudonyms(randomBytes(32));

describe('subject ids: keyed pseudonyms of the normalised e-mail', () => {
  it('gives one person one subject id whatever the case and surrounding spaces of the address', () => {
    const id = pseudonyms.subjectIdForEmail('Jeanne.Martin@Example.org');
    expect(isSubjectId(id)).toBe(true);
    expect(pseudonyms.subjectIdForEmail('  jeanne.martin@example.ORG ')).toBe(id);
    expect(pseudonyms.subjectIdForEmail('jean.martin@example.org')).not.toBe(id);
  });

  it('depends on the secret key, so that nobody without it can link an address to its subject', () => {
    expect(new Pseudonyms(randomBytes(32)).subjectIdForEmail('jeanne@example.org')).not.toBe(pseudonyms.subjectIdForEmail('jeanne@example.org'));
  });

  it('keeps an e-mail and a phone with the same text apart', () => {
    expect(pseudonyms.keyedHash('email', '+33612345678')).not.toBe(pseudonyms.keyedHash('phone', '+33612345678'));
  });

  it('gives a person with no stable identifier a random subject of their own', () => {
    const [a, b] = [pseudonyms.newSubjectId(), pseudonyms.newSubjectId()];
    expect(isSubjectId(a) && isSubjectId(b)).toBe(true);
    expect(a).not.toBe(b);
  });

  it('refuses a key shorter than 32 bytes', () => {
    expect(() => new Pseudonyms(randomBytes(16))).toThrow('at least 32 bytes');
  });
});

describe('pseudonyms of any normalised identifier', () => {
  it('gives an e-mail the same subject id as subjectIdForEmail, and a keyed hash whose first 32 digits it is', () => {
    const { subjectId, identifierHash } = pseudonyms.ofIdentifier('email', 'jeanne@example.org');
    expect(subjectId).toBe(pseudonyms.subjectIdForEmail(' Jeanne@Example.org'));
    expect(identifierHash).toBe(pseudonyms.keyedHash('email', 'jeanne@example.org'));
    expect(subjectId).toBe(`subj-${identifierHash.slice(0, 32)}`);
    expect(pseudonyms.ofIdentifier('phone', '+33612345678').subjectId).not.toBe(subjectId);
  });
});
