import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError } from '@ledger/domain';
import { ConcurrencyConflictError } from '@ledger/event-store';
import { InvalidCursorError } from '@ledger/projections';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { isStorageUnavailable } from '../health/storage-unavailable';
import { NotYetReadable } from '../ledger/not-yet-readable';
import { InputValidationError } from './input-validation.error';

const HTTP_STATUS: Record<string, number> = { BAD_USER_INPUT: 400, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, INTERNAL_SERVER_ERROR: 500, UNAVAILABLE: 503 };

/**
 * Every failure leaves with a code a client can branch on and the fields at fault: as a GraphQL
 * error on /graphql, as JSON with the matching HTTP status on plain routes (health, downloads).
 * Anything unexpected is logged here and shown as "internal error", never with its stack or SQL.
 */
@Catch()
export class GraphqlErrorFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): GraphQLError | void {
    if (host.getType() === 'http') return this.reply(exception, host.switchToHttp().getResponse<Response>());
    return exception instanceof GraphQLError ? exception : this.toGraphQLError(exception);
  }

  private reply(exception: unknown, response: Response): void {
    if (exception instanceof HttpException) {
      response.status(exception.getStatus()).json(exception.getResponse());
      return;
    }
    const error = this.toGraphQLError(exception);
    const code = String(error.extensions.code);
    response.status(HTTP_STATUS[code] ?? 500).json({ message: error.message, ...error.extensions });
  }

  private toGraphQLError(exception: unknown): GraphQLError {
    if (exception instanceof InputValidationError)
      return new GraphQLError(exception.message, { extensions: { code: 'BAD_USER_INPUT', fields: exception.problems } });
    if (exception instanceof DomainError)
      return new GraphQLError(exception.message, {
        extensions: { code: exception.code, fields: exception.field ? [{ field: exception.field, message: exception.message }] : [] },
      });
    if (exception instanceof InvalidCursorError)
      return new GraphQLError(exception.message, { extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'after', message: exception.message }] } });
    if (exception instanceof ConcurrencyConflictError)
      return new GraphQLError(`${exception.message}; read the record again and retry`, {
        extensions: { code: 'CONFLICT', stream: exception.stream },
      });
    if (exception instanceof NotYetReadable) {
      this.logger.warn(`registers behind: ${exception.message}`);
      const { commandId, write } = exception;
      return new GraphQLError(exception.message, {
        extensions: { code: 'UNAVAILABLE', retryable: true, recorded: true, commandId, stream: write.stream, eventIds: write.events.map((e) => e.eventId) },
      });
    }
    if (isStorageUnavailable(exception)) {
      this.logger.warn(`store unavailable: ${(exception as Error).message}`);
      return new GraphQLError('the store is unavailable; retry later with the same commandId', { extensions: { code: 'UNAVAILABLE', retryable: true } });
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return new GraphQLError('internal error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }
}
