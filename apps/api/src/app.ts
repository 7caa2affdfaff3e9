import 'reflect-metadata';
import { INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { LedgerConfig } from './config';
import { hardenHttp } from './http/http-hardening';
import { authenticationMiddleware } from './access/authentication.middleware';
import { Authenticator } from './access/authenticator';
import { KeyRateLimiter } from './access/key-rate-limiter';

/** The service; `serve` handles its signals (graceful shutdown), a test its own. */
export async function createApp(config: LedgerConfig, options: { logger?: false | LoggerService } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { logger: options.logger, abortOnError: false });
  prepareHttp(app);
  return app;
}

/** What every HTTP request passes before a route: security headers, body limits, authentication, the key's rate limit. */
export function prepareHttp(app: NestExpressApplication): void {
  hardenHttp(app);
  app.use(authenticationMiddleware(app.get(Authenticator), app.get(KeyRateLimiter)));
}
