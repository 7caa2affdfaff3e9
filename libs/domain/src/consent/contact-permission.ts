import type { Audience, ContactChannel } from './consent.events';

/**
 * What the ledger knows about one subject identifier, in the order it recorded it. ERASURE: the
 * subject was erased (Art. 17) and the consents recorded before can no longer be demonstrated
 * (Art. 7(1)); withdrawals and objections outlive it, as the opposition list must.
 */
export interface ContactFact {
  eventId: string;
  kind: 'CONSENT' | 'WITHDRAWAL' | 'OBJECTION' | 'ERASURE';
  channel: ContactChannel | null;
  /** Null on an objection to every purpose, and on an erasure. */
  purpose: string | null;
  occurredAt: Date;
}

export const CONTACT_RULES = ['OBJECTION', 'CONSENT_WITHDRAWN', 'CONSENT', 'OPT_OUT_CHANNEL', 'PROFESSIONAL_OPT_OUT', 'NO_CONSENT'] as const;
export type ContactRule = (typeof CONTACT_RULES)[number];

export interface ContactPermission {
  allowed: boolean;
  rule: ContactRule;
  /** The rule in plain words, with the dates it rests on. */
  reason: string;
  /** The events the answer rests on, oldest first. */
  eventIds: string[];
}

export interface ContactRequest {
  channel: ContactChannel;
  audience: Audience;
  /** Normalised (see normalisePurpose). */
  purpose: string;
}

type Core = Omit<ContactFact, 'eventId'>;

export interface Standing<F extends Core> {
  /** The latest objection covering the channel and purpose. */
  objection: F | null;
  /** The consent for the channel and purpose still in force. */
  consent: F | null;
  /** The withdrawal that ended the last consent, when nothing was consented since. */
  withdrawal: F | null;
  /** The consent that withdrawal ended, if the ledger still holds it. */
  withdrawnConsent: F | null;
}

/** Where a subject stands for one channel and purpose: shared by the rules and the decider. */
export function standingOf<F extends Core>(facts: readonly F[], channel: ContactChannel, purpose: string): Standing<F> {
  const standing: Standing<F> = { objection: null, consent: null, withdrawal: null, withdrawnConsent: null };
  for (const fact of facts) {
    if (fact.kind === 'ERASURE') {
      standing.consent = null;
      standing.withdrawnConsent = null;
      continue;
    }
    if (fact.channel !== channel) continue;
    if (fact.kind === 'OBJECTION' && (fact.purpose === null || fact.purpose === purpose)) standing.objection = fact;
    if (fact.purpose !== purpose) continue;
    if (fact.kind === 'CONSENT') [standing.consent, standing.withdrawal, standing.withdrawnConsent] = [fact, null, null];
    if (fact.kind === 'WITHDRAWAL') [standing.withdrawal, standing.withdrawnConsent, standing.consent] = [fact, standing.consent, null];
  }
  return standing;
}

const day = (date: Date) => date.toISOString().slice(0, 10);
const CHANNEL_WORDS: Record<ContactChannel, string> = { EMAIL: 'e-mail', SMS: 'SMS', PHONE: 'phone', POST: 'post' };

/**
 * May this subject be prospected on this channel, for this purpose? French rules (CPCE L.34-5,
 * CNIL): e-mail and SMS to consumers need prior consent (opt-in); to professionals, about their
 * profession, they are allowed until the person objects (opt-out); phone and post are opt-out for
 * everyone. An objection is always honoured (GDPR Art. 21(3)), and a withdrawn consent is
 * honoured as an opt-out on every channel (Art. 7(3)). Pure: the facts come from the caller.
 */
export function contactPermission(facts: readonly ContactFact[], { channel, audience, purpose }: ContactRequest): ContactPermission {
  const { objection, consent, withdrawal, withdrawnConsent } = standingOf(facts, channel, purpose);
  const by = CHANNEL_WORDS[channel];
  if (objection)
    return {
      allowed: false,
      rule: 'OBJECTION',
      reason: `The person objected on ${day(objection.occurredAt)} to ${by} contact ${objection.purpose === null ? 'for any purpose' : `for "${purpose}"`}: an objection is always honoured (GDPR Art. 21(3), CPCE L.34-5).`,
      eventIds: [objection.eventId],
    };
  if (withdrawal)
    return {
      allowed: false,
      rule: 'CONSENT_WITHDRAWN',
      reason: `The person withdrew on ${day(withdrawal.occurredAt)} their consent to ${by} contact for "${purpose}": a withdrawal is honoured as an opt-out, whatever the audience (GDPR Art. 7(3)).`,
      eventIds: [...(withdrawnConsent ? [withdrawnConsent.eventId] : []), withdrawal.eventId],
    };
  if (consent)
    return {
      allowed: true,
      rule: 'CONSENT',
      reason: `The person consented on ${day(consent.occurredAt)} to ${by} contact for "${purpose}" and has not withdrawn it (GDPR Art. 6(1)(a), Art. 7).`,
      eventIds: [consent.eventId],
    };
  if (channel === 'PHONE' || channel === 'POST')
    return {
      allowed: true,
      rule: 'OPT_OUT_CHANNEL',
      reason: `Prospecting by ${by} needs no prior consent, as long as the person has not objected (opt-out; CNIL). Check national opposition lists too (Bloctel in France for consumers).`,
      eventIds: [],
    };
  if (audience === 'B2B')
    return {
      allowed: true,
      rule: 'PROFESSIONAL_OPT_OUT',
      reason: `${by === 'e-mail' ? 'E-mail' : 'SMS'} prospecting of a professional about their professional activity needs no prior consent, as long as they have not objected (opt-out; CPCE L.34-5, CNIL).`,
      eventIds: [],
    };
  return {
    allowed: false,
    rule: 'NO_CONSENT',
    reason: `${by === 'e-mail' ? 'E-mail' : 'SMS'} prospecting of a consumer needs their prior consent (opt-in; CPCE L.34-5, ePrivacy Art. 13): none is on record for "${purpose}".`,
    eventIds: [],
  };
}
