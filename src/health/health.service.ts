// Runs the registered readiness checks through terminus (one indicator per check, each
// bounded by a timeout) and answers liveness from the process alone.

import { BeforeApplicationShutdown, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { databaseReadiness } from './database-readiness';
import { READINESS_CHECK_TIMEOUT_MS, ReadinessChecks } from './readiness-checks';

export interface HealthAnswer {
  httpStatus: number;
  body: HealthCheckResult | { status: 'ok' };
}

@Injectable()
export class HealthService implements BeforeApplicationShutdown {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly checks: ReadinessChecks,
    dataSource: DataSource,
  ) {
    checks.register('database', databaseReadiness(dataSource));
    checks.register('shutdown', () => {
      if (checks.isDraining) throw new Error('shutting down');
    });
  }

  beforeApplicationShutdown(): void {
    this.checks.startDraining();
  }

  liveness(): HealthAnswer {
    return { httpStatus: 200, body: { status: 'ok' } };
  }

  async readiness(): Promise<HealthAnswer> {
    const indicators = [...this.checks.entries].map(([name, check]) => () => this.run(name, check));
    try {
      return { httpStatus: 200, body: await this.health.check(indicators) };
    } catch (error) {
      if (error instanceof ServiceUnavailableException) return { httpStatus: 503, body: error.getResponse() as HealthCheckResult };
      throw error;
    }
  }

  private async run(name: string, check: () => Promise<void> | void) {
    const indicator = this.indicators.check(name);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${READINESS_CHECK_TIMEOUT_MS} ms`)), READINESS_CHECK_TIMEOUT_MS);
    });
    try {
      await Promise.race([Promise.resolve().then(check), timeout]);
      return indicator.up();
    } catch (error) {
      return indicator.down(error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(timer);
    }
  }
}
