import { Module } from '@nestjs/common';
import { DpaCommandHandler } from './dpa.commands';
import { GetDataProcessingAgreementHandler, ListDataProcessingAgreementsHandler } from './dpa.queries';
import { DpaResolver } from './dpa.resolver';

@Module({
  providers: [DpaCommandHandler, GetDataProcessingAgreementHandler, ListDataProcessingAgreementsHandler, DpaResolver],
})
export class AgreementsModule {}
