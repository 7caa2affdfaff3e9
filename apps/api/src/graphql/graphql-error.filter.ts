import { Catch, Logger } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError } from '@ledger/domain';
import { ConcurrencyConflictError } from '@ledger/event-store';
import { InvalidCursorError } from '@ledger/projections';
import { GraphQLError } from 'graphql';
import { InputValidationError } from './input-validation.error';

/** Every failure leaves as a GraphQL error with a code a client can branch on, and the fields at fault. */
@Catch()
export class GraphqlErrorFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  catch(exception: unknown): GraphQLError {
    if (exception instanceof GraphQLError) return exception;
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
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return new GraphQLError('internal error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }
}
