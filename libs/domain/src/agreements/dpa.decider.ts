import { assertNever, assertOccurredAtInOrder, Decider, DecisionContext, DomainError, requireText } from '../shared';
import { AgreementPeriod, ControllerAgreement, NO_AGREEMENT } from './agreement-periods';
import { ART28_CLAUSES } from './art28-clauses';
import { DpaCommand } from './dpa.commands';
import { DPA_SCHEMA_VERSION as v, DpaEvent, DpaEvents, DpaTerms, SUBPROCESSOR_AUTHORISATIONS } from './dpa.events';

export const DPA_STATUSES = ['SIGNED', 'TERMINATED', 'DATA_RETURNED', 'DATA_DELETED'] as const;
export type DpaStatus = (typeof DPA_STATUSES)[number];

/** The current agreement of a controller relationship. */
export interface DataProcessingAgreement extends DpaTerms {
  controllerId: string;
  /** 1 for the first agreement on the relationship, 2 once it ended and a new one was signed, ... */
  agreementNumber: number;
  status: DpaStatus;
  signedAt: Date;
  effectiveFrom: Date;
  /** When the termination takes (or took) effect; null until one is recorded. */
  effectiveUntil: Date | null;
  lastAmendedAt: Date | null;
  dataReturnedAt: Date | null;
  dataDeletedAt: Date | null;
  /** The agreements that ended before this one, oldest first. */
  previousAgreements: AgreementPeriod[];
  lastOccurredAt: Date;
}

export type DpaState = { status: 'NONE' } | DataProcessingAgreement;

// ---- terms: one rule per term, shared by signing and amending

const termRules: { [K in keyof DpaTerms]: (value: DpaTerms[K]) => DpaTerms[K] } = {
  controllerName: (name) => requireText(name, 'controllerName'),
  clauses: (clauses) => {
    const unknown = clauses.find((clause) => !ART28_CLAUSES.includes(clause));
    if (unknown !== undefined) throw new DomainError(`${unknown} is not a clause of Art. 28(3) (A to H)`, 'BAD_USER_INPUT', 'clauses');
    return ART28_CLAUSES.filter((clause) => clauses.includes(clause));
  },
  subprocessorAuthorisation: (mode) => {
    if (!SUBPROCESSOR_AUTHORISATIONS.includes(mode))
      throw new DomainError('subprocessorAuthorisation must be GENERAL or SPECIFIC', 'BAD_USER_INPUT', 'subprocessorAuthorisation');
    return mode;
  },
  objectionWindowDays: (days) => atLeastOne(days, 'objectionWindowDays'),
  breachNotificationHours: (hours) => atLeastOne(hours, 'breachNotificationHours'),
};
const TERMS = Object.keys(termRules) as Array<keyof DpaTerms>;

function atLeastOne(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 1) throw new DomainError(`${field} must be a whole number, at least 1`, 'BAD_USER_INPUT', field);
  return value;
}

function validTerm<K extends keyof DpaTerms>(key: K, value: DpaTerms[K]): DpaTerms[K] {
  return termRules[key](value);
}

function validTerms(terms: DpaTerms): DpaTerms {
  return Object.fromEntries(TERMS.map((key) => [key, validTerm(key, terms[key])])) as unknown as DpaTerms;
}

/** The terms given that differ from the agreement's. */
function changedTerms(agreement: DpaTerms, given: Partial<DpaTerms>): Partial<DpaTerms> {
  const changes: Partial<Record<keyof DpaTerms, unknown>> = {};
  for (const key of TERMS) {
    if (given[key] === undefined || given[key] === null) continue;
    const value = validTerm(key, given[key]);
    if (JSON.stringify(value) !== JSON.stringify(agreement[key])) changes[key] = value;
  }
  return changes as Partial<DpaTerms>;
}

// ---- where an agreement stands

function existing(state: DpaState, controllerId: string): DataProcessingAgreement {
  if (state.status === 'NONE')
    throw new DomainError(`no data-processing agreement with controller ${controllerId}`, 'NOT_FOUND', 'controllerId');
  return state;
}

function notTerminated(state: DpaState, controllerId: string, action: string): DataProcessingAgreement {
  const agreement = existing(state, controllerId);
  if (agreement.status !== 'SIGNED')
    throw new DomainError(`cannot ${action}: the agreement with controller ${controllerId} is terminated; sign a new one`, 'BAD_USER_INPUT', 'controllerId');
  return agreement;
}

/** Art. 28(3)(g): the data goes back or is deleted "after the end of the provision of services". */
function ended(state: DpaState, controllerId: string, occurredAt: Date, now: Date): DataProcessingAgreement {
  const agreement = existing(state, controllerId);
  if (agreement.effectiveUntil === null)
    throw new DomainError(
      `the agreement with controller ${controllerId} is not terminated: data is returned or deleted at the end of the service (Art. 28(3)(g))`,
      'BAD_USER_INPUT',
      'controllerId',
    );
  assertOccurredAtInOrder(occurredAt, agreement.lastOccurredAt, now);
  if (occurredAt < agreement.effectiveUntil)
    throw new DomainError(
      `the agreement with controller ${controllerId} ends on ${agreement.effectiveUntil.toISOString()}: data is returned or deleted after the end of the service (Art. 28(3)(g))`,
      'BAD_USER_INPUT',
      'occurredAt',
    );
  return agreement;
}

function validDate(value: Date, field: string): Date {
  if (Number.isNaN(value.getTime())) throw new DomainError(`${field} is not a valid date`, 'BAD_USER_INPUT', field);
  return value;
}

function decide(command: DpaCommand, state: DpaState, { now }: DecisionContext): DpaEvent[] {
  const { controllerId, occurredAt } = command.data;
  switch (command.type) {
    case 'SignDataProcessingAgreement': {
      const previous = state.status === 'NONE' ? null : state;
      if (previous?.status === 'SIGNED')
        throw new DomainError(`an agreement with controller ${controllerId} is already signed: amend or terminate it`, 'BAD_USER_INPUT', 'controllerId');
      assertOccurredAtInOrder(occurredAt, previous?.lastOccurredAt ?? null, now);
      const effectiveDate = validDate(command.data.effectiveDate, 'effectiveDate');
      if (previous?.effectiveUntil && effectiveDate < previous.effectiveUntil)
        throw new DomainError(
          `the previous agreement with controller ${controllerId} ends on ${previous.effectiveUntil.toISOString()}: agreements on one relationship never overlap`,
          'BAD_USER_INPUT',
          'effectiveDate',
        );
      const data = { controllerId: requireText(controllerId, 'controllerId'), effectiveDate: effectiveDate.toISOString(), ...validTerms(command.data) };
      return [{ type: DpaEvents.Signed, schemaVersion: v, occurredAt, data }];
    }
    case 'AmendDataProcessingAgreement': {
      const agreement = notTerminated(state, controllerId, 'amend');
      assertOccurredAtInOrder(occurredAt, agreement.lastOccurredAt, now);
      const changes = changedTerms(agreement, command.data);
      if (Object.keys(changes).length === 0) throw new DomainError('the amendment changes no term of the agreement', 'BAD_USER_INPUT');
      return [{ type: DpaEvents.Amended, schemaVersion: v, occurredAt, data: { controllerId, changes } }];
    }
    case 'TerminateDataProcessingAgreement': {
      const agreement = notTerminated(state, controllerId, 'terminate');
      assertOccurredAtInOrder(occurredAt, agreement.lastOccurredAt, now);
      const effectiveDate = validDate(command.data.effectiveDate, 'effectiveDate');
      if (effectiveDate < agreement.effectiveFrom)
        throw new DomainError(
          `the agreement took effect on ${agreement.effectiveFrom.toISOString()}: it cannot end before`,
          'BAD_USER_INPUT',
          'effectiveDate',
        );
      return [{ type: DpaEvents.Terminated, schemaVersion: v, occurredAt, data: { controllerId, effectiveDate: effectiveDate.toISOString() } }];
    }
    case 'RecordControllerDataReturned': {
      const agreement = ended(state, controllerId, occurredAt, now);
      if (agreement.dataReturnedAt) throw new DomainError(`the data of controller ${controllerId} was already returned`, 'BAD_USER_INPUT', 'controllerId');
      if (agreement.dataDeletedAt)
        throw new DomainError(`the data of controller ${controllerId} was deleted: there is nothing left to return`, 'BAD_USER_INPUT', 'controllerId');
      return [{ type: DpaEvents.ControllerDataReturned, schemaVersion: v, occurredAt, data: { controllerId } }];
    }
    case 'RecordControllerDataDeleted': {
      const agreement = ended(state, controllerId, occurredAt, now);
      if (agreement.dataDeletedAt) throw new DomainError(`the data of controller ${controllerId} was already deleted`, 'BAD_USER_INPUT', 'controllerId');
      return [{ type: DpaEvents.ControllerDataDeleted, schemaVersion: v, occurredAt, data: { controllerId } }];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: DpaState, event: DpaEvent): DpaState {
  const at = event.occurredAt;
  if (event.type === DpaEvents.Signed) {
    const { effectiveDate, ...signed } = event.data;
    const previous = state.status === 'NONE' ? null : state;
    return {
      ...signed,
      agreementNumber: (previous?.agreementNumber ?? 0) + 1,
      status: 'SIGNED',
      signedAt: at,
      effectiveFrom: new Date(effectiveDate),
      effectiveUntil: null,
      lastAmendedAt: null,
      dataReturnedAt: null,
      dataDeletedAt: null,
      previousAgreements: previous ? agreementPeriods(previous) : [],
      lastOccurredAt: at,
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case DpaEvents.Amended:
      return { ...state, ...event.data.changes, lastAmendedAt: at, lastOccurredAt: at };
    case DpaEvents.Terminated:
      return { ...state, status: 'TERMINATED', effectiveUntil: new Date(event.data.effectiveDate), lastOccurredAt: at };
    case DpaEvents.ControllerDataReturned:
      return { ...state, status: 'DATA_RETURNED', dataReturnedAt: at, lastOccurredAt: at };
    case DpaEvents.ControllerDataDeleted:
      return { ...state, status: 'DATA_DELETED', dataDeletedAt: at, lastOccurredAt: at };
    default:
      return assertNever(event);
  }
}

export const dpaDecider: Decider<DpaCommand, DpaState, DpaEvent> = {
  initialState: { status: 'NONE' },
  decide,
  evolve,
};

// ---- what rules on other records see of a relationship

/** Every agreement signed on the relationship, the current one last. */
export function agreementPeriods(agreement: DataProcessingAgreement): AgreementPeriod[] {
  return [...agreement.previousAgreements, { effectiveFrom: agreement.effectiveFrom, effectiveUntil: agreement.effectiveUntil }];
}

export function controllerAgreementOf(state: DpaState): ControllerAgreement {
  if (state.status === 'NONE') return NO_AGREEMENT;
  const { subprocessorAuthorisation, objectionWindowDays } = state;
  return { periods: agreementPeriods(state), subprocessorTerms: { subprocessorAuthorisation, objectionWindowDays } };
}
