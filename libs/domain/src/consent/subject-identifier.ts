import { type CountryCode, isSupportedCountry, ParseError, parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { DomainError } from '../shared';
import type { ContactChannel } from './consent.events';

/** How a data subject is matched: their e-mail address or their phone number, normalised. */
export interface SubjectIdentifier {
  kind: 'email' | 'phone';
  value: string;
}

export interface NormaliseOptions {
  /**
   * The country of numbers written without a country code (ISO 3166 alpha-2, e.g. FR). Without
   * it, a phone number must be in international form (+33 6 ...): the ledger serves processors in
   * many countries and will not guess which one "06 12 34 56 78" belongs to.
   */
  defaultCountry?: string;
  /** The input field named in errors. */
  field?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_EMAIL_LENGTH = 320;

/**
 * E-mail trimmed and lower-cased; phone in E.164 (libphonenumber-js, full metadata). Anything
 * with an @ is read as an e-mail. Errors never repeat the value: they may end up in logs.
 */
export function normaliseSubjectIdentifier(raw: string, options: NormaliseOptions = {}): SubjectIdentifier {
  const field = options.field ?? 'subject';
  const text = raw.trim();
  if (!text) throw new DomainError(`${field} must not be empty`, 'BAD_USER_INPUT', field);
  if (text.includes('@')) {
    const email = text.toLowerCase();
    if (email.length > MAX_EMAIL_LENGTH || !EMAIL.test(email)) throw new DomainError(`${field} is not a valid e-mail address`, 'BAD_USER_INPUT', field);
    return { kind: 'email', value: email };
  }
  return { kind: 'phone', value: normalisePhone(text, options.defaultCountry, field) };
}

function normalisePhone(text: string, defaultCountry: string | undefined, field: string): string {
  if (defaultCountry !== undefined && !isSupportedCountry(defaultCountry))
    throw new DomainError(`default country ${defaultCountry} is not an ISO 3166 country code with a phone numbering plan`, 'BAD_USER_INPUT', 'defaultCountry');
  if (!text.startsWith('+') && !defaultCountry)
    throw new DomainError(`${field} is a phone number without country code: write it in international form, starting with +`, 'BAD_USER_INPUT', field);
  try {
    const phone = parsePhoneNumberWithError(text, { defaultCountry: defaultCountry as CountryCode | undefined });
    if (!phone.isValid()) throw new DomainError(`${field} is not a valid phone number for its country`, 'BAD_USER_INPUT', field);
    return phone.number;
  } catch (error) {
    if (error instanceof ParseError) throw new DomainError(`${field} is not a phone number (${error.message})`, 'BAD_USER_INPUT', field);
    throw error;
  }
}

/** E-mail prospecting reaches an e-mail address, SMS and calls a phone; post reaches either person. */
export function assertChannelFits(subject: SubjectIdentifier, channel: ContactChannel, field = 'subject'): void {
  const needs = channel === 'EMAIL' ? 'email' : channel === 'SMS' || channel === 'PHONE' ? 'phone' : null;
  if (needs && subject.kind !== needs)
    throw new DomainError(`channel ${channel} needs ${needs === 'email' ? 'an e-mail address' : 'a phone number'} as subject`, 'BAD_USER_INPUT', field);
}

/** Purposes are compared trimmed and case-insensitively, so "Newsletter " and "newsletter" are one. */
export function normalisePurpose(purpose: string | null | undefined, field = 'purpose'): string {
  const text = purpose?.trim().toLowerCase() ?? '';
  if (!text) throw new DomainError(`${field} must not be empty`, 'BAD_USER_INPUT', field);
  return text;
}
