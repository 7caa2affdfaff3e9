import { Module } from '@nestjs/common';
import { ConsentSubjectPrivacy } from './consent-subject-privacy';
import { ConsentCommandHandler } from './consent.commands';
import { ConsentResolver } from './consent.resolver';
import { CheckContactPermissionsHandler } from './contact-permission.queries';
import { OptOutImport } from './opt-out-import';

@Module({
  providers: [ConsentSubjectPrivacy, ConsentCommandHandler, CheckContactPermissionsHandler, ConsentResolver, OptOutImport],
  exports: [OptOutImport],
})
export class ConsentModule {}
