// GET /health/live (the process answers: restart it otherwise) and GET /health/ready
// (it can serve: database and registered dependencies reachable, not shutting down).
// Both are public and JSON; see docs/deployment.md for the Kubernetes probes.

import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Permission, RequirePermission } from '../common/auth/permission';
import { HealthService } from './health.service';

@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('live')
  @RequirePermission(Permission.PUBLIC)
  live(@Res() reply: FastifyReply): void {
    const answer = this.health.liveness();
    void reply.code(answer.httpStatus).header('cache-control', 'no-store').send(answer.body);
  }

  @Get('ready')
  @RequirePermission(Permission.PUBLIC)
  async ready(@Res() reply: FastifyReply): Promise<void> {
    const answer = await this.health.readiness();
    void reply.code(answer.httpStatus).header('cache-control', 'no-store').send(answer.body);
  }
}
