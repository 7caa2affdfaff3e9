import { Writable } from 'node:stream';
import { withCorrelationId } from './correlation';
import { createLogger, PinoLoggerService } from './logger';

function capture() {
  const lines: Array<Record<string, any>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: new PinoLoggerService(createLogger('info', stream)) };
}

describe('the JSON logger', () => {
  it('writes one JSON object per line with level, time, context and the correlation id of the work in progress', () => {
    const { lines, logger } = capture();
    withCorrelationId('corr-42', () => logger.log({ msg: 'command', command: 'ReceiveInstruction', outcome: 'ok' }, 'Commands'));
    logger.warn('no correlation here', 'Ledger');
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', context: 'Commands', correlationId: 'corr-42', command: 'ReceiveInstruction', outcome: 'ok', msg: 'command' }),
      expect.objectContaining({ level: 'warn', context: 'Ledger', msg: 'no correlation here' }),
    ]);
    expect(lines[1]).not.toHaveProperty('correlationId');
    expect(Date.parse(lines[0].time)).not.toBeNaN();
  });

  it('never writes secrets or personal data, even when a caller logs them by mistake', () => {
    const { lines, logger } = capture();
    logger.log({
      msg: 'oops',
      databaseUrl: 'postgres://ledger:s3cret@db:5432/ledger',
      config: { signerKey: 'PRIVATE+KEY+log+abcd+xyz', pseudonymKey: 'c2VjcmV0' },
      requester: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000' },
      request: { headers: { authorization: 'Bearer token-1', cookie: 'session=2' }, variables: { input: { email: 'bob@example.com' } } },
    });
    logger.error('could not connect to postgres://ledger:s3cret@db:5432/ledger', 'Error: boom\n  at postgres://u:hunter2@h/db', 'Store');
    const written = JSON.stringify(lines);
    for (const secret of ['s3cret', 'PRIVATE+KEY', 'c2VjcmV0', 'Ada Lovelace', 'ada@example.com', '7946', 'token-1', 'session=2', 'bob@example.com', 'hunter2'])
      expect(written).not.toContain(secret);
    expect(lines[0]).toMatchObject({ databaseUrl: '[redacted]', requester: '[redacted]', config: { signerKey: '[redacted]' } });
    expect(lines[1]).toMatchObject({ level: 'error', context: 'Store', msg: 'could not connect to postgres://ledger:[redacted]@db:5432/ledger' });
  });
});
