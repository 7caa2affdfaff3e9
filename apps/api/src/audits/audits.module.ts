import { Module } from '@nestjs/common';
import { AuditCommandHandler } from './audit.commands';
import { GetAuditFindingsHandler, GetAuditHandler, GetAuditQuestionsHandler, ListAuditsHandler } from './audit.queries';
import { AuditsResolver } from './audits.resolver';

@Module({
  providers: [AuditCommandHandler, GetAuditHandler, ListAuditsHandler, GetAuditQuestionsHandler, GetAuditFindingsHandler, AuditsResolver],
})
export class AuditsModule {}
