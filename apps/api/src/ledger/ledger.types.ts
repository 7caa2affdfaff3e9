import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import type { AppendResult, RecordedEvent } from '@ledger/event-store';
import { GraphQLJSONObject } from 'graphql-scalars';

@ObjectType({ description: 'Where one written event sits in the ledger: enough to find it and check its hash.' })
export class LedgerEventCoordinates {
  @Field() eventId!: string;
  @Field() type!: string;
  @Field() stream!: string;
  @Field(() => Int) revision!: number;
  @Field({ description: 'Opaque, ordered position in the global log.' }) position!: string;
  @Field({ description: 'SHA-256 of the previous hash and the RFC 8785 bytes of the envelope, hex.' }) hash!: string;
}

@ObjectType({ description: 'What a mutation appended to the ledger.' })
export class LedgerWrite {
  @Field() stream!: string;
  @Field({ description: 'True when this command id had been processed before: nothing new was written.' }) replayed!: boolean;
  @Field(() => [LedgerEventCoordinates]) events!: LedgerEventCoordinates[];
}

export function ledgerWriteOf(write: AppendResult): LedgerWrite {
  return {
    stream: write.stream,
    replayed: write.replayed,
    events: write.events.map(({ eventId, type, stream, revision, position, hash }) => ({ eventId, type, stream, revision, position, hash })),
  };
}

@ObjectType()
export class ActorType {
  @Field() id!: string;
  @Field() role!: string;
  @Field(() => String, { nullable: true }) keyId!: string | null;
}

@ObjectType('EventMetadata')
export class EventMetadataType {
  @Field() tenantId!: string;
  @Field(() => ActorType) actor!: ActorType;
  @Field() commandId!: string;
  @Field() correlationId!: string;
  @Field() causationId!: string;
  @Field(() => GraphQLISODateTime, { description: 'When the fact happened (business time).' }) occurredAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When the ledger recorded it.' }) recordedAt!: Date;
}

@ObjectType({ description: 'An event with its full envelope, as stored and hashed.' })
export class LedgerEvent {
  @Field() eventId!: string;
  @Field() stream!: string;
  @Field(() => Int) revision!: number;
  @Field() position!: string;
  @Field() type!: string;
  @Field(() => Int) schemaVersion!: number;
  @Field(() => GraphQLJSONObject) data!: Record<string, unknown>;
  @Field(() => EventMetadataType) metadata!: EventMetadataType;
  @Field() prevHash!: string;
  @Field() hash!: string;
  @Field(() => Int, { nullable: true, description: 'Its leaf in the Merkle log, once sealed (null until then).' })
  leafIndex!: number | null;
}

export function ledgerEventOf(event: RecordedEvent, leafIndex: number | null = null): LedgerEvent {
  return {
    ...event,
    leafIndex,
    data: event.data as Record<string, unknown>,
    metadata: {
      ...event.metadata,
      occurredAt: new Date(event.metadata.occurredAt),
      recordedAt: new Date(event.metadata.recordedAt),
    },
  };
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}
