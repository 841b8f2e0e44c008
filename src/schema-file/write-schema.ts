// `npm run schema`: boots the application without listening (SQLite in memory, OVSDB on an
// ephemeral loopback port), takes the schema the server would serve and writes
// schema.graphql at the repository root. The e2e test schema-file.e2e-spec.ts fails when the
// committed file differs from the code.

import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHttpAdapter } from '../common/http/http-adapter';
import { SCHEMA_FILE, schemaSdl } from './schema-sdl';

async function main(): Promise<void> {
  process.env.DATABASE_URL = 'sqlite::memory:';
  process.env.OVSDB_LISTEN = 'tcp:127.0.0.1:0';
  process.env.JWT_SECRET ??= 'x'.repeat(32);
  // Imported after the environment is set: the configuration is read as the module loads.
  const { AppModule } = await import('../app.module');
  const app = await NestFactory.create(AppModule, createHttpAdapter(), { logger: ['error'] });
  await app.init();
  const file = join(__dirname, '..', '..', SCHEMA_FILE);
  writeFileSync(file, schemaSdl(app.get(GraphQLSchemaHost).schema));
  await app.close();
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
