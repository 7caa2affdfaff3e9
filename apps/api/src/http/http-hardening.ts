import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/** Largest request body accepted: room for a 10,000-subject contactPermissions list in variables. */
export const REQUEST_BODY_LIMIT = '2mb';

/**
 * Security headers and the body limit, for the service and the test harness alike. The GraphiQL
 * page inlines its scripts and styles (no CDN), hence 'unsafe-inline' for those two only.
 */
export function hardenHttp(app: NestExpressApplication): void {
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", "'unsafe-inline'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          workerSrc: ["'self'", 'blob:'],
          connectSrc: ["'self'"],
        },
      },
    }),
  );
  app.useBodyParser('json', { limit: REQUEST_BODY_LIMIT });
  app.use(unreadableBody);
}

/** A body the parser refused (too large, not JSON, bad charset) gets a GraphQL-shaped, coded answer, not Express's text. */
function unreadableBody(error: { status?: number; type?: string; message?: string }, _req: Request, res: Response, next: NextFunction): void {
  // body-parser marks its own refusals with a `type`; anything else is not ours to answer.
  if (!error.type || !error.status || error.status < 400 || error.status >= 500) return next(error);
  const tooLarge = error.status === 413;
  const message = tooLarge
    ? `request body larger than ${REQUEST_BODY_LIMIT}`
    : error.type === 'entity.parse.failed'
      ? 'request body is not valid JSON'
      : `request body refused: ${error.message}`;
  res.status(error.status).json({ errors: [{ message, extensions: { code: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } }] });
}
