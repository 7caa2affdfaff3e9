import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessBootstrap } from './access.bootstrap';
import { AccessGuard } from './access.guard';
import { AccessResolver } from './access.resolver';
import { AccessService } from './access.service';
import { ApiKeyCache } from './api-key.cache';
import { Authenticator } from './authenticator';
import { KeyRateLimiter } from './key-rate-limiter';

@Module({
  providers: [AccessService, ApiKeyCache, Authenticator, KeyRateLimiter, AccessBootstrap, AccessResolver, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AccessService, Authenticator, KeyRateLimiter, AccessBootstrap],
})
export class AccessModule {}
