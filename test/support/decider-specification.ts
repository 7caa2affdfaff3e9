import { Decider, DomainError, DomainEvent, fold } from '@ledger/domain';

/** Given (past events) / When (command) / Then (new events or the refusal), as in Emmett's DeciderSpecification. */
export function deciderSpecification<C, S, E extends DomainEvent>(decider: Decider<C, S, E>, now: Date) {
  return {
    given(events: E[]) {
      return {
        when(command: C) {
          const run = () => decider.decide(command, fold(decider, decider.initialState, events), { now });
          return {
            then(expected: E[]) {
              expect(run()).toEqual(expected);
            },
            thenThrows(message: string | RegExp, field?: string) {
              let error: unknown;
              try {
                run();
              } catch (e) {
                error = e;
              }
              expect(error).toBeInstanceOf(DomainError);
              expect((error as DomainError).message).toMatch(message);
              if (field) expect((error as DomainError).field).toBe(field);
            },
          };
        },
      };
    },
  };
}
