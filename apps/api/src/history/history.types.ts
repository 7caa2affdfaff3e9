import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { asEnum } from '../graphql/as-enum';
import { LedgerEvent, PageInfo } from '../ledger/ledger.types';

/** Correlated events listed with one event: a correlation is one request or one case, not a log. */
export const MAX_CORRELATED = 100;

export const CAUSATION_KINDS = ['COMMAND', 'EVENT', 'UNRESOLVED'] as const;
export type CausationKind = (typeof CAUSATION_KINDS)[number];
const CausationKindEnum = asEnum(CAUSATION_KINDS);
registerEnumType(CausationKindEnum, {
  name: 'CausationKind',
  description: 'What a causationId names: a command (events written by the command path), an event (a reaction to it), or nothing this ledger holds.',
});

@ObjectType({ description: "Why an event exists: what its causationId and correlationId point to, resolved to the ledger's events." })
export class EventCauses {
  @Field() causationId!: string;

  @Field(() => CausationKindEnum) kind!: CausationKind;

  @Field(() => [LedgerEvent], {
    description:
      'COMMAND: every event that command wrote, this one included, in order (one decision). EVENT: the event that caused this one. UNRESOLVED: empty.',
  })
  causedBy!: LedgerEvent[];

  @Field(() => [LedgerEvent], {
    description: `The other events of the same correlationId (one request, or a chain a client tied with the x-correlation-id header), in log order; at most ${MAX_CORRELATED}.`,
  })
  correlated!: LedgerEvent[];
}

@ObjectType()
export class LedgerEventEdge {
  @Field() cursor!: string;
  @Field(() => LedgerEvent) node!: LedgerEvent;
}

@ObjectType()
export class LedgerEventConnection {
  @Field(() => [LedgerEventEdge]) edges!: LedgerEventEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
