import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { v7 as uuidv7 } from 'uuid';
import { CORRELATION_ID } from '../ledger/request-context';
import { withCorrelationId } from './correlation';

/** Probes and scrapes would drown the requests that matter. */
const QUIET = /^\/(health|metrics)(\/|$)/;

/**
 * Gives every request a correlation id (the client's X-Correlation-Id when well-formed), sends it
 * back, carries it through everything done for the request (log lines, the command's metadata),
 * and logs the request once answered. Only the path is logged: a query string may hold personal data.
 */
@Injectable()
export class RequestLoggingMiddleware implements NestMiddleware {
  private readonly logger = new Logger('Http');

  use(req: Request, res: Response, next: NextFunction) {
    const given = req.headers['x-correlation-id'];
    const correlationId = typeof given === 'string' && CORRELATION_ID.test(given) ? given : uuidv7();
    req.headers['x-correlation-id'] = correlationId;
    res.setHeader('x-correlation-id', correlationId);
    const started = performance.now();
    const path = req.originalUrl.split('?')[0];
    res.on('finish', () => {
      const entry = { msg: 'request', correlationId, method: req.method, path, status: res.statusCode, durationMs: Math.round(performance.now() - started) };
      if (QUIET.test(path)) this.logger.debug(entry);
      else this.logger.log(entry);
    });
    withCorrelationId(correlationId, next);
  }
}
