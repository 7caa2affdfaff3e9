import { DomainEvent } from '@ledger/domain';
import { RecordedEvent } from './event-store.port';

/** Turns the data of version n of an event type into version n + 1. */
export type Upcaster = (data: unknown) => unknown;
/** Event type -> version it upgrades from -> upcaster. */
export type Upcasters = Readonly<Record<string, Readonly<Record<number, Upcaster>>>>;

/**
 * The one place where stored events become domain events: old schema versions are upcast here,
 * once, so that deciders and projections only ever see the current shape.
 */
export function createDeserialiser(upcasters: Upcasters) {
  return function deserialise<E extends DomainEvent>(recorded: RecordedEvent): E {
    let { schemaVersion, data } = recorded;
    for (let upcast = upcasters[recorded.type]?.[schemaVersion]; upcast; upcast = upcasters[recorded.type]?.[schemaVersion]) {
      data = upcast(data);
      schemaVersion++;
    }
    return { type: recorded.type, schemaVersion, data, occurredAt: new Date(recorded.metadata.occurredAt) } as E;
  };
}

/** No event type has changed shape yet; when one does, its upcaster goes here. */
export const deserialise = createDeserialiser({});
