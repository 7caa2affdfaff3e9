import { DomainError } from '../shared';
import { assertChannelFits, normalisePurpose, normaliseSubjectIdentifier } from './subject-identifier';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return { code: (error as DomainError).code, field: (error as DomainError).field, message: (error as DomainError).message };
  }
  throw new Error('expected a refusal');
};

describe('subject identifiers: one person, one spelling', () => {
  it('trims and lower-cases an e-mail address', () => {
    expect(normaliseSubjectIdentifier('  Jeanne.Martin@Example.ORG ')).toEqual({ kind: 'email', value: 'jeanne.martin@example.org' });
  });

  it('writes phone numbers in E.164 whatever the spacing and punctuation', () => {
    for (const written of ['+33 6 12 34 56 78', '+33 (0)6.12.34.56.78', '+33612345678', ' +33-6-12-34-56-78 '])
      expect(normaliseSubjectIdentifier(written)).toEqual({ kind: 'phone', value: '+33612345678' });
    expect(normaliseSubjectIdentifier('+44 20 7946 0958')).toEqual({ kind: 'phone', value: '+442079460958' });
  });

  it('refuses a number without country code unless a default country is given, and then reads it in that country', () => {
    expect(refusal(() => normaliseSubjectIdentifier('06 12 34 56 78'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subject', message: expect.stringMatching(/without country code/) });
    expect(normaliseSubjectIdentifier('06 12 34 56 78', { defaultCountry: 'FR' })).toEqual({ kind: 'phone', value: '+33612345678' });
    expect(normaliseSubjectIdentifier('+32 470 12 34 56', { defaultCountry: 'FR' })).toEqual({ kind: 'phone', value: '+32470123456' });
    expect(refusal(() => normaliseSubjectIdentifier('0612345678', { defaultCountry: 'XX' }))).toMatchObject({ field: 'defaultCountry' });
  });

  it('refuses what is neither an e-mail nor a valid phone number, without repeating it in the message', () => {
    for (const bad of ['', '   ', 'jeanne@', 'jeanne@example', 'a b@example.org', '+33 6 12', '+33 not a number', '+999 123 456 789', 'call me'])
      expect(refusal(() => normaliseSubjectIdentifier(bad, { field: 'identifier' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'identifier' });
    expect(refusal(() => normaliseSubjectIdentifier('jeanne@example')).message).not.toContain('jeanne');
  });

  it('matches the channel to the identifier: e-mail to an address, SMS and calls to a phone, post to either', () => {
    const email = normaliseSubjectIdentifier('jeanne@example.org');
    const phone = normaliseSubjectIdentifier('+33612345678');
    expect(() => assertChannelFits(email, 'EMAIL')).not.toThrow();
    expect(() => assertChannelFits(phone, 'SMS')).not.toThrow();
    expect(() => assertChannelFits(phone, 'PHONE')).not.toThrow();
    expect(() => assertChannelFits(email, 'POST')).not.toThrow();
    expect(() => assertChannelFits(phone, 'POST')).not.toThrow();
    expect(refusal(() => assertChannelFits(phone, 'EMAIL')).message).toMatch(/needs an e-mail address/);
    expect(refusal(() => assertChannelFits(email, 'SMS')).message).toMatch(/needs a phone number/);
  });

  it('compares purposes trimmed and case-insensitively, and requires one', () => {
    expect(normalisePurpose(' Newsletter ')).toBe('newsletter');
    expect(refusal(() => normalisePurpose('  '))).toMatchObject({ field: 'purpose' });
  });
});
