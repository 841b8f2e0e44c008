// Liveness and readiness for orchestrators. Global so that any module can inject
// ReadinessChecks and register the dependency it needs (see readiness-checks.ts).

import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';
import { ReadinessChecks } from './readiness-checks';

@Global()
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [ReadinessChecks, HealthService],
  exports: [ReadinessChecks],
})
export class HealthModule {}
