import { Module } from '@nestjs/common';
import { CheckpointSigner } from './checkpoint-signer';
import { CheckpointsResolver } from './checkpoints.resolver';
import { ProofService } from './proof.service';
import { ProofsController } from './proofs.controller';
import { SigningKeys } from './signing-keys';

/** The verifiable side of the ledger: signed checkpoints and proofs against them (DESIGN.md, Integrity). */
@Module({
  providers: [SigningKeys, CheckpointSigner, ProofService, CheckpointsResolver],
  controllers: [ProofsController],
  exports: [ProofService, SigningKeys],
})
export class CheckpointsModule {}
