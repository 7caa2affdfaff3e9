/** A domain event as the deciders see it: the store adds the envelope around it. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  schemaVersion: number;
  data: Data;
  /** Business (valid) time: when the fact happened, given by the caller. */
  occurredAt: Date;
}

/** Everything a decision may depend on besides the state: time is passed in, never read from a clock. */
export interface DecisionContext {
  now: Date;
}

export interface Decider<Command, State, Event extends DomainEvent> {
  initialState: State;
  decide(command: Command, state: State, context: DecisionContext): Event[];
  evolve(state: State, event: Event): State;
}

export function fold<State, Event>(decider: { evolve(s: State, e: Event): State }, state: State, events: Iterable<Event>): State {
  let current = state;
  for (const event of events) current = decider.evolve(current, event);
  return current;
}
