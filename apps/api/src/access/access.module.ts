import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessBootstrap } from './access.bootstrap';
import { AccessGuard } from './access.guard';
import { AccessResolver } from './access.resolver';
import { AccessService } from './access.service';
import { Authenticator } from './authenticator';

@Module({
  providers: [AccessService, Authenticator, AccessBootstrap, AccessResolver, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AccessService, Authenticator, AccessBootstrap],
})
export class AccessModule {}
