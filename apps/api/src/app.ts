import 'reflect-metadata';
import { INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { LedgerConfig } from './config';
import { hardenHttp } from './http/http-hardening';

/** The service; `serve` handles its signals (graceful shutdown), a test its own. */
export async function createApp(config: LedgerConfig, options: { logger?: false | LoggerService } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { logger: options.logger, abortOnError: false });
  hardenHttp(app);
  return app;
}
