import { loadConfig } from './config';

describe('configuration checked at start-up', () => {
  it('has defaults for everything but the storage', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000, databaseUrl: undefined, logLevel: 'info', readyMaxLagSeconds: 30, development: false, keyCacheSeconds: 5, rateLimitPerMinute: 1200,
    });
  });

  it.each([
    [{ LOG_LEVEL: 'verbose' }, /^LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"$/],
    [{ LEDGER_READY_MAX_LAG_SECONDS: '0' }, /^LEDGER_READY_MAX_LAG_SECONDS must be an integer from 1 to 86400, got "0"$/],
    [{ PORT: '70000' }, /^PORT must be an integer from 0 to 65535/],
    [{ LEDGER_KEY_CACHE_SECONDS: '301' }, /^LEDGER_KEY_CACHE_SECONDS must be an integer from 0 to 300, got "301"$/],
    [{ LEDGER_KEY_CACHE_SECONDS: '-1' }, /^LEDGER_KEY_CACHE_SECONDS must be an integer from 0 to 300, got "-1"$/],
    [{ LEDGER_RATE_LIMIT_PER_MINUTE: '1.5' }, /^LEDGER_RATE_LIMIT_PER_MINUTE must be an integer from 0 to 1000000, got "1.5"$/],
    [{ LEDGER_RATE_LIMIT_PER_MINUTE: 'many' }, /^LEDGER_RATE_LIMIT_PER_MINUTE must be an integer from 0 to 1000000, got "many"$/],
    [{ NODE_ENV: 'staging' }, /^NODE_ENV must be development, production or test, got "staging"$/],
    [{ DATABASE_URL: 'not a url' }, /^DATABASE_URL is not a URL/],
    [{ DATABASE_URL: 'mysql://root:pw@db/ledger' }, /^DATABASE_URL must start with postgres:\/\/ or postgresql:\/\/, got "mysql:\/\/\.\.\."$/],
    [{ DATABASE_URL: 'postgres://user:pw@db:5432' }, /^DATABASE_URL must name a host and a database/],
  ])('refuses %j with one line naming the variable, never echoing a password', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message).not.toContain('pw@');
    }
  });

  it('accepts a PostgreSQL URL and the levels and lags in range', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://u:p@db:5432/ledger', LOG_LEVEL: 'debug', LEDGER_READY_MAX_LAG_SECONDS: '5', NODE_ENV: 'production' });
    expect(config).toMatchObject({ databaseUrl: 'postgresql://u:p@db:5432/ledger', logLevel: 'debug', readyMaxLagSeconds: 5 });
  });

  it('turns the key cache and the rate limit off with 0', () => {
    expect(loadConfig({ LEDGER_KEY_CACHE_SECONDS: '0', LEDGER_RATE_LIMIT_PER_MINUTE: '0' })).toMatchObject({ keyCacheSeconds: 0, rateLimitPerMinute: 0 });
    expect(loadConfig({ LEDGER_KEY_CACHE_SECONDS: '300', LEDGER_RATE_LIMIT_PER_MINUTE: '60' })).toMatchObject({ keyCacheSeconds: 300, rateLimitPerMinute: 60 });
  });

  it('takes an admin key in LEDGER_ADMIN_TOKEN only in the form keys are issued in, never echoing it', () => {
    const token = 'ledger_01a222c1-a561-7778-b639-737679d0acbe_9BODQM22FLK2JBW4X9Mk95TXBSuvH2AYEZCpJka6p24';
    expect(loadConfig({ LEDGER_ADMIN_TOKEN: token }).adminToken).toBe(token);
    for (const bad of ['admin', `${token}x`, token.replace('ledger_', 'ledger-')]) {
      expect(() => loadConfig({ LEDGER_ADMIN_TOKEN: bad })).toThrow(/^LEDGER_ADMIN_TOKEN must be a key as `ledger keys create` prints it/);
      try {
        loadConfig({ LEDGER_ADMIN_TOKEN: bad });
      } catch (error) {
        expect((error as Error).message).not.toContain(bad);
      }
    }
  });
});
