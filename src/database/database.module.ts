// The TypeORM data source for the whole app. Modules register their entities with
// TypeOrmModule.forFeature (autoLoadEntities) and put migrations in their migrations/ folder.

import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';
import { initializeDataSource } from './migrations-once';
import { TransactionRunner } from './transaction-runner';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ ...buildDataSourceOptions(config.databaseUrl), autoLoadEntities: true }),
      // On PostgreSQL, migrations run under an advisory lock: once per cluster at a time.
      dataSourceFactory: async (options) => {
        if (options === undefined) throw new Error('no data source options');
        return initializeDataSource(options);
      },
    }),
  ],
  providers: [TransactionRunner],
  exports: [TransactionRunner],
})
export class DatabaseModule {}
