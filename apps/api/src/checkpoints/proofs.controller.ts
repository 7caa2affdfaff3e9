import { Controller, Get, Param, ParseIntPipe, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Caller } from '../access/caller.decorator';
import { Allow, AnyRelationship, READERS } from '../access/policy';
import type { RequestContext } from '../ledger/request-context';
import { ProofService } from './proof.service';

const optionalInt = new ParseIntPipe({ optional: true });

/** Proof bundles as files, for auditors who keep them or hand them to `ledger verify`. */
@Controller('proofs')
export class ProofsController {
  constructor(private readonly proofs: ProofService) {}

  @Allow(...READERS)
  @Get('inclusion/:eventId')
  async inclusion(
    @Param('eventId') eventId: string,
    @Query('treeSize', optionalInt) treeSize: number | undefined,
    @Caller() caller: RequestContext,
    @Res() response: Response,
  ) {
    const proof = await this.proofs.inclusion(caller.tenantId, eventId, treeSize);
    response
      .type('text/plain; charset=utf-8')
      .attachment(`${eventId}.${proof.treeSize}.tlog-proof`)
      .send(proof.tlogProof);
  }

  @Allow(...READERS)
  @AnyRelationship()
  @Get('consistency')
  async consistency(
    @Query('fromSize', ParseIntPipe) fromSize: number,
    @Query('toSize', optionalInt) toSize: number | undefined,
    @Res() response: Response,
  ) {
    const proof = await this.proofs.consistency(fromSize, toSize);
    response.type('application/json').attachment(`consistency.${proof.fromSize}-${proof.toSize}.json`).send(proof.bundle);
  }
}
