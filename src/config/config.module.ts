// Global so every module can inject APP_CONFIG; tests replace the provider with a config
// built by loadConfig() from their own env object.

import { Global, Logger, Module } from '@nestjs/common';
import { APP_CONFIG } from './app-config';
import { loadConfig } from './load-config';

@Global()
@Module({
  providers: [
    {
      provide: APP_CONFIG,
      useFactory: () => {
        const logger = new Logger('Config');
        return loadConfig(process.env, (message) => logger.warn(message));
      },
    },
  ],
  exports: [APP_CONFIG],
})
export class ConfigModule {}
