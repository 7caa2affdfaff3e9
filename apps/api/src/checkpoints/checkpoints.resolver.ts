import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Ledger, type RequestContext } from '../ledger/request-context';
import { CheckpointType, ConsistencyProofType, InclusionProofType } from './checkpoint.types';
import { ProofService } from './proof.service';
import { SigningKeys } from './signing-keys';
import { Allow, AnyRelationship, READERS } from '../access/policy';

@Resolver()
export class CheckpointsResolver {
  constructor(
    private readonly proofs: ProofService,
    private readonly keys: SigningKeys,
  ) {}

  @Allow(...READERS)
  @AnyRelationship()
  @Query(() => String, { description: 'The key that verifies checkpoints, as `name+keyhash+base64` (signed-note verifier key).' })
  verifierKey(): string {
    return this.keys.verifierKey;
  }

  @Allow(...READERS)
  @AnyRelationship()
  @Query(() => CheckpointType, { nullable: true, description: 'The latest signed checkpoint, or the one at `treeSize`.' })
  checkpoint(@Args('treeSize', { type: () => Int, nullable: true }) treeSize?: number) {
    return this.proofs.checkpoint(treeSize);
  }

  @Allow(...READERS)
  @Query(() => InclusionProofType, { description: 'Proof that an event is in the log, with the signed checkpoint it is proven against.' })
  inclusionProof(
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('treeSize', { type: () => Int, nullable: true, description: 'A signed size; the latest checkpoint by default.' }) treeSize: number | undefined,
    @Ledger() ctx: RequestContext,
  ) {
    return this.proofs.inclusion(ctx.tenantId, eventId, treeSize);
  }

  @Allow(...READERS)
  @AnyRelationship()
  @Query(() => ConsistencyProofType, { description: 'Proof that the log at `toSize` (latest by default) extends the log at `fromSize`.' })
  consistencyProof(
    @Args('fromSize', { type: () => Int }) fromSize: number,
    @Args('toSize', { type: () => Int, nullable: true }) toSize?: number,
  ) {
    return this.proofs.consistency(fromSize, toSize);
  }
}
