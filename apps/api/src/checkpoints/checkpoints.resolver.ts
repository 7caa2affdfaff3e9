import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Ledger, type RequestContext } from '../ledger/request-context';
import { CheckpointType, ConsistencyProofType, InclusionProofType } from './checkpoint.types';
import { ProofService } from './proof.service';
import { SigningKeys } from './signing-keys';

@Resolver()
export class CheckpointsResolver {
  constructor(
    private readonly proofs: ProofService,
    private readonly keys: SigningKeys,
  ) {}

  @Query(() => String, { description: 'The key that verifies checkpoints, as `name+keyhash+base64` (signed-note verifier key).' })
  verifierKey(): string {
    return this.keys.verifierKey;
  }

  @Query(() => CheckpointType, { nullable: true, description: 'The latest signed checkpoint, or the one at `treeSize`.' })
  checkpoint(@Args('treeSize', { type: () => Int, nullable: true }) treeSize?: number) {
    return this.proofs.checkpoint(treeSize);
  }

  @Query(() => InclusionProofType, { description: 'Proof that an event is in the log, with the signed checkpoint it is proven against.' })
  inclusionProof(
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('treeSize', { type: () => Int, nullable: true, description: 'A signed size; the latest checkpoint by default.' }) treeSize: number | undefined,
    @Ledger() ctx: RequestContext,
  ) {
    return this.proofs.inclusion(ctx.tenantId, eventId, treeSize);
  }

  @Query(() => ConsistencyProofType, { description: 'Proof that the log at `toSize` (latest by default) extends the log at `fromSize`.' })
  consistencyProof(
    @Args('fromSize', { type: () => Int }) fromSize: number,
    @Args('toSize', { type: () => Int, nullable: true }) toSize?: number,
  ) {
    return this.proofs.consistency(fromSize, toSize);
  }
}
