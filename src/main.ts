// Process entry point: configuration errors end the process with the variables named.

import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { LineLogger, parseLogLevel } from './common/logging/line-logger';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { ConfigError } from './config/config-error';

async function bootstrap(): Promise<void> {
  const logger = new LineLogger(parseLogLevel(process.env.LOG_LEVEL));
  process.on('exit', () => logger.flush());
  const app = await NestFactory.create(AppModule, { logger });
  app.enableShutdownHooks();
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.httpPort);
  new Logger('Bootstrap').log(`GraphQL API listening on ${(await app.getUrl()).replace('[::1]', 'localhost')}/graphql`);
}

bootstrap().catch((error: unknown) => {
  const logger = new Logger('Bootstrap');
  if (error instanceof ConfigError) logger.error(error.message);
  else logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
