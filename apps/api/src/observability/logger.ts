import type { LoggerService, LogLevel } from '@nestjs/common';
import pino, { type DestinationStream, type Logger } from 'pino';
import { currentCorrelationId } from './correlation';

/**
 * Fields never written to a log, wherever they appear one level down: secrets (keys, tokens,
 * connection strings) and the personal data a request or event may carry (requesters, e-mails,
 * phone numbers, GraphQL variables). Logging them by mistake prints "[redacted]".
 */
export const REDACTED_PATHS = [
  'authorization', 'cookie', 'password', 'token', 'adminToken', 'secret', 'secretSha256', 'signerKey', 'pseudonymKey', 'databaseUrl',
  'requester', 'email', 'phone', 'variables',
].flatMap((field) => [field, `*.${field}`, `headers.${field}`, `*.headers.${field}`]);

/** A password inside a connection string that made its way into a message. */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:)[^@\s]+@/gi;

/** The secret part of an API key (`ledger_<keyId>_<secret>`) quoted in a message: the key id stays, to say which key. */
const API_KEY_SECRET = /(ledger_[0-9a-f-]{36}_)[A-Za-z0-9_-]{43}/g;

export const scrubSecrets = (text: string): string => text.replace(URL_PASSWORD, '$1[redacted]@').replace(API_KEY_SECRET, '$1[redacted]');

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'gdpr-compliance-ledger' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const correlationId = currentCorrelationId();
        return correlationId ? { correlationId } : {};
      },
    },
    destination,
  );
}

/** Nest's start-up chatter (one line per module and route): useful when debugging, noise otherwise. */
const CHATTY_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'GraphQLModule', 'NestFactory']);

type Entry = { msg: string } & Record<string, unknown>;

/**
 * Nest's LoggerService on pino: Nest passes (message, ...params, context); a message may be an
 * object of fields (structured log) or text. Every line is one JSON object on stdout.
 */
export class PinoLoggerService implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]) {
    this.write(CHATTY_CONTEXTS.has(String(params[params.length - 1])) ? 'debug' : 'info', message, params);
  }

  error(message: unknown, ...params: unknown[]) {
    // Nest's error(message, stack?, context?): a stack, when given, is the second argument.
    const [stack, ...rest] = params.length >= 2 ? params : [undefined, ...params];
    this.write('error', message, rest, typeof stack === 'string' ? { stack: scrubSecrets(stack) } : {});
  }

  warn(message: unknown, ...params: unknown[]) {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]) {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]) {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]) {
    this.write('fatal', message, params);
  }

  setLogLevels(levels: LogLevel[]) {
    const order: Array<[LogLevel, string]> = [['verbose', 'trace'], ['debug', 'debug'], ['log', 'info'], ['warn', 'warn'], ['error', 'error'], ['fatal', 'fatal']];
    this.logger.level = order.find(([nest]) => levels.includes(nest))?.[1] ?? 'silent';
  }

  private write(level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal', message: unknown, params: unknown[], extra: Record<string, unknown> = {}) {
    const context = params.length > 0 && typeof params[params.length - 1] === 'string' ? params[params.length - 1] : undefined;
    const entry: Entry =
      message instanceof Error
        ? { msg: scrubSecrets(message.message), err: { type: message.name, stack: scrubSecrets(message.stack ?? '') } }
        : typeof message === 'object' && message !== null
          ? { msg: '', ...(message as Record<string, unknown>) }
          : { msg: scrubSecrets(String(message)) };
    const { msg, ...fields } = entry;
    this.logger[level]({ ...(context ? { context } : {}), ...fields, ...extra }, msg);
  }
}
