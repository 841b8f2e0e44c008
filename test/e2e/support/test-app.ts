// Boots the real AppModule on an ephemeral HTTP port with a config built for tests:
// a fresh database (SQLite in memory, or a PostgreSQL schema), a known JWT secret and
// bootstrap admin, and the OVSDB listener on an ephemeral loopback port.

import { DynamicModule, Type } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { AppModule } from '../../../src/app.module';
import { createHttpAdapter } from '../../../src/common/http/http-adapter';
import { APP_CONFIG, AppConfig } from '../../../src/config/app-config';
import { loadConfig } from '../../../src/config/load-config';
import { createTestDatabase, TestDb } from './test-database';

export const ADMIN_EMAIL = 'root@platform.test';
export const ADMIN_PASSWORD = 'root password 123';

export interface TestApp {
  db: TestDb;
  app: NestFastifyApplication;
  url: string;
  config: AppConfig;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Extra environment variables for loadConfig. */
  env?: Record<string, string>;
  /** Extra modules next to AppModule (e.g. a resolver that exists only for a test). */
  imports?: (Type | DynamicModule)[];
}

export async function startTestApp(db: TestDb, options: TestAppOptions = {}): Promise<TestApp> {
  const env = options.env ?? {};
  const database = await createTestDatabase(db);
  const config = loadConfig({
    HTTP_PORT: '0',
    DATABASE_URL: database.databaseUrl,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    OVSDB_LISTEN: 'tcp:127.0.0.1:0',
    ...env,
  });
  let app: NestFastifyApplication | undefined;
  try {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule, ...(options.imports ?? [])] })
      .overrideProvider(APP_CONFIG)
      .useValue(config)
      .compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), { logger: ['error', 'warn'] });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await app?.close();
    await database.drop();
    throw error;
  }
  const started = app;
  const { port } = started.getHttpServer().address() as AddressInfo;
  return {
    db,
    app: started,
    url: `http://127.0.0.1:${port}/graphql`,
    config,
    close: async () => {
      await started.close();
      await database.drop();
    },
  };
}

/** Starts one app for the enclosing describe block and closes it after; read `.current` in tests. */
export function useTestApp(db: TestDb, options: TestAppOptions = {}): { readonly current: TestApp } {
  let current: TestApp | undefined;
  beforeAll(async () => {
    current = await startTestApp(db, options);
  });
  afterAll(async () => {
    await current?.close();
  });
  return {
    get current(): TestApp {
      if (current === undefined) throw new Error('test app not started (use inside a test)');
      return current;
    },
  };
}
