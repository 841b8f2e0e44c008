// Process entry point. Configuration problems (bad variables, unreadable TLS files, a port
// in use) end the process with one block naming them and exit code 1; SIGTERM shuts down
// gracefully and exits 0 (lifecycle/graceful-shutdown.ts).

import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { createHttpAdapter } from './common/http/http-adapter';
import { createProcessLogger } from './common/logging/process-logger';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { ConfigError } from './config/config-error';
import { loadConfig } from './config/load-config';
import { shutDownGracefully } from './lifecycle/graceful-shutdown';
import { configErrorBlock, listenProblem } from './lifecycle/startup-errors';

const { logger, format, problems } = createProcessLogger(process.env);

async function bootstrap(): Promise<void> {
  process.on('exit', () => logger.flush());
  // Every problem at once: the logging variables and the rest (ConfigModule reads it again).
  try {
    loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createHttpAdapter(), { logger });
  const config = app.get<AppConfig>(APP_CONFIG);
  // init() runs migrations and starts the OVSDB listener; listen() opens the HTTP port.
  await app.init().catch((error: unknown) => Promise.reject(listenProblem(error, 'OVSDB_LISTEN')));
  const listening = config.httpHost !== undefined ? app.listen(config.httpPort, config.httpHost) : listenOnEveryInterface(app, config.httpPort);
  await listening.catch((error: unknown) => Promise.reject(listenProblem(error, 'HTTP_PORT')));
  onSignals(app, config.shutdownTimeoutMs);
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

function onSignals(app: NestFastifyApplication, timeoutMs: number): void {
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    shutDownGracefully(app, signal, timeoutMs).then(
      () => process.exit(0),
      (error: unknown) => {
        new Logger('Shutdown').error('shutdown failed', error instanceof Error ? error.stack : String(error));
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

bootstrap().catch((error: unknown) => {
  logger.flush();
  if (error instanceof ConfigError) process.stderr.write(configErrorBlock(error.problems, format));
  else new Logger('Bootstrap').error('the controller did not start', error instanceof Error ? (error.stack ?? error.message) : String(error));
  logger.flush();
  process.exit(1);
});
