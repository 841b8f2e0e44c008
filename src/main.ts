// Process entry point: configuration errors end the process with the variables named.

import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { createHttpAdapter } from './common/http/http-adapter';
import { LineLogger, parseLogLevel } from './common/logging/line-logger';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { ConfigError } from './config/config-error';

async function bootstrap(): Promise<void> {
  const logger = new LineLogger(parseLogLevel(process.env.LOG_LEVEL));
  process.on('exit', () => logger.flush());
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createHttpAdapter(), { logger });
  app.enableShutdownHooks();
  const config = app.get<AppConfig>(APP_CONFIG);
  if (config.httpHost !== undefined) await app.listen(config.httpPort, config.httpHost);
  else await listenOnEveryInterface(app, config.httpPort);
  new Logger('Bootstrap').log(`GraphQL API listening on ${(await app.getUrl()).replace('[::1]', 'localhost')}/graphql`);
}

/**
 * Without HTTP_HOST: Fastify alone would listen on localhost only; Node (and so express)
 * listens on `::`, or on 0.0.0.0 without IPv6, which stays the default.
 */
async function listenOnEveryInterface(app: NestFastifyApplication, port: number): Promise<void> {
  try {
    await app.listen(port, '::');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EAFNOSUPPORT') throw error;
    await app.listen(port, '0.0.0.0');
  }
}

bootstrap().catch((error: unknown) => {
  const logger = new Logger('Bootstrap');
  if (error instanceof ConfigError) logger.error(error.message);
  else logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
