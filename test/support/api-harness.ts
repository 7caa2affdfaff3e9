import { INestApplication } from '@nestjs/common';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '@ledger/api/app.module';
import { LedgerConfig } from '@ledger/api/config';
import { prepareHttp } from '@ledger/api/app';
import { AccessBootstrap } from '@ledger/api/access/access.bootstrap';
import { SQL_CLIENT } from '@ledger/api/ledger/ledger.tokens';
import { bearer, registerTestKeys, TEST_ADMIN_TOKEN, TEST_PROCESSOR_TOKEN } from './access';
import { createTestDatabase, postgresUrl } from './postgres';
import { embeddedDataDir, tempDir } from './temp-dir';

export interface GraphqlResponse<T = any> {
  data?: T;
  errors?: Array<{ message: string; extensions: { code: string; fields?: Array<{ field: string; message: string }> } }>;
}

export interface ApiHarness {
  app: INestApplication;
  url: string;
  config: LedgerConfig;
  /** The processor key of tenant `default`, which gql() and fetch() send unless given other headers. */
  token: string;
  adminToken: string;
  /** gql() sends these headers after the default Authorization: `{ authorization: '' }` sends no key. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphqlResponse<T>>;
  /** fetch on the service, with the processor key unless `init.headers` names another authorization. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Stops the service and starts it again on the same storage. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface StorageUnderTest {
  name: string;
  config(): Promise<{ config: LedgerConfig; dispose(): Promise<void> }>;
}

function baseConfig(dataDir: string): LedgerConfig {
  return {
    port: 0,
    dataDir,
    // The service's own appends wake its projections at once; polling only finds other processes'
    // appends, and a fast poll costs every idle test service CPU that the suites share.
    pollIntervalMs: 200,
    development: false,
    checkpoints: { origin: 'test.ledger.example/log', signerKeyFile: `${dataDir}/checkpoint-signer.key`, everyEvents: 1000, everySeconds: 1 },
    adminToken: TEST_ADMIN_TOKEN,
  };
}

/** The embedded store always; PostgreSQL as well when DATABASE_URL is set. */
export function storagesUnderTest(): StorageUnderTest[] {
  const embedded: StorageUnderTest = {
    name: 'embedded',
    async config() {
      const dir = await embeddedDataDir();
      return { config: baseConfig(dir.path), dispose: async () => dir.remove() };
    },
  };
  if (!postgresUrl) return [embedded];
  const serverUrl = postgresUrl;
  const postgres: StorageUnderTest = {
    name: 'PostgreSQL',
    async config() {
      const db = await createTestDatabase(serverUrl);
      const dir = tempDir();
      return {
        config: { ...baseConfig(dir.path), databaseUrl: db.url },
        dispose: async () => {
          await db.drop();
          dir.remove();
        },
      };
    },
  };
  return [embedded, postgres];
}

export async function startApi(
  given: LedgerConfig,
  customise: (builder: TestingModuleBuilder) => TestingModuleBuilder = (b) => b,
): Promise<ApiHarness> {
  // No rate limit unless the test sets rateLimitPerMinute: tests send requests far faster than a client would.
  const config = { ...given, adminToken: given.adminToken ?? TEST_ADMIN_TOKEN, rateLimitPerMinute: given.rateLimitPerMinute ?? 0 };
  let app: INestApplication;
  let url: string;
  const start = async () => {
    const moduleRef = await customise(Test.createTestingModule({ imports: [AppModule.forRoot(config)] })).compile();
    const created = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
    prepareHttp(created);
    await created.init();
    await registerTestKeys(created.get(SQL_CLIENT));
    await created.get(AccessBootstrap).ensureAdminKey();
    app = created;
    app.enableShutdownHooks();
    await app.listen(0, '127.0.0.1');
    // Tests may block this thread for seconds (an embedded store runs in it): a server closing idle
    // connections meanwhile would reset the client's next request on its pooled connection.
    app.getHttpServer().keepAliveTimeout = 600_000;
    url = `${await app.getUrl()}`.replace('[::1]', '127.0.0.1');
  };
  await start();
  const token = TEST_PROCESSOR_TOKEN;
  const withKey = (headers: HeadersInit | undefined) => {
    const given = new Headers(headers);
    if (!given.has('authorization')) given.set('authorization', bearer(token).authorization);
    else if (!given.get('authorization')) given.delete('authorization');
    return given;
  };
  const harness: ApiHarness = {
    get app() {
      return app;
    },
    get url() {
      return url;
    },
    config,
    token,
    adminToken: config.adminToken!,
    fetch: (path, init = {}) => fetch(`${url}${path}`, { ...init, headers: withKey(init.headers) }),
    async gql(query, variables = {}, headers = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: withKey({ 'content-type': 'application/json', ...headers }),
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    async restart() {
      await app.close();
      await start();
    },
    close: () => app.close(),
  };
  return harness;
}

/** Starts the API on a fresh database of `storage`; closing it also drops that storage. */
export async function startApiOn(
  storage: StorageUnderTest,
  customise?: (builder: TestingModuleBuilder) => TestingModuleBuilder,
): Promise<ApiHarness> {
  const prepared = await storage.config();
  const api = await startApi(prepared.config, customise);
  return {
    ...api,
    get app() {
      return api.app;
    },
    get url() {
      return api.url;
    },
    close: async () => {
      await api.close();
      await prepared.dispose();
    },
  };
}

/** Sends `mutation` with `input`, expects no errors, and returns what its one root field answered. */
export async function mutationResult<T = any>(api: ApiHarness, mutation: string, input: Record<string, unknown>): Promise<T> {
  const response = await api.gql(mutation, { input });
  expect(response.errors).toBeUndefined();
  return Object.values(response.data as Record<string, T>)[0];
}
