import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A signed statement of the log: its size and root hash (C2SP tlog-checkpoint inside a signed note).' })
export class CheckpointType {
  @Field() origin!: string;
  @Field(() => Int) treeSize!: number;
  @Field({ description: 'RFC 9162 root hash, hex.' }) rootHash!: string;
  @Field({ description: 'The checkpoint as signed: keep it to check later that the log only grew.' }) note!: string;
  @Field(() => GraphQLISODateTime) signedAt!: Date;
}

@ObjectType({ description: 'Proof that an event is leaf `leafIndex` of the tree its checkpoint signs.' })
export class InclusionProofType {
  @Field(() => ID) eventId!: string;
  @Field(() => Int) leafIndex!: number;
  @Field(() => Int) treeSize!: number;
  @Field(() => [String], { description: 'RFC 9162 inclusion proof, base64 hashes.' }) hashes!: string[];
  @Field(() => CheckpointType) checkpoint!: CheckpointType;
  @Field({ description: 'The same proof and checkpoint as a C2SP tlog-proof bundle, for `ledger verify`.' }) tlogProof!: string;
}

@ObjectType({ description: 'Proof that the tree at `toSize` extends the tree at `fromSize`: the log only grew.' })
export class ConsistencyProofType {
  @Field(() => Int) fromSize!: number;
  @Field(() => Int) toSize!: number;
  @Field(() => [String], { description: 'RFC 9162 consistency proof, base64 hashes.' }) hashes!: string[];
  @Field(() => CheckpointType) fromCheckpoint!: CheckpointType;
  @Field(() => CheckpointType) toCheckpoint!: CheckpointType;
  @Field({ description: 'Both checkpoints and the proof as one JSON document, for `ledger verify`.' }) bundle!: string;
}
