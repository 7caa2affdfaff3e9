import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('DerivedFrom', {
  description:
    'The log prefix a point-in-time answer is derived from: the first treeSize events of the Merkle log and their RFC 9162 root. ' +
    'Compare it with a signed checkpoint, or a consistency proof to one, to prove the answer.',
})
export class DerivedFromType {
  @Field(() => Int) treeSize!: number;
  @Field({ description: 'Root hash of the first treeSize leaves, hex.' }) rootHash!: string;
}

/** A list that can be read at a point in time; each concept's connection extends it. */
@ObjectType({ isAbstract: true })
export abstract class PointInTimeConnection {
  @Field(() => DerivedFromType, { nullable: true, description: 'Set when the list was read with asOf or knownAt; null for the current state.' })
  derivedFrom?: DerivedFromType | null;
}
