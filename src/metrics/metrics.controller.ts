// GET /metrics in the Prometheus text format. Public like the health endpoints: it carries
// counts, never serials, ids or addresses; keep it on the internal network (docs/deployment.md).

import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Permission, RequirePermission } from '../common/auth/permission';
import { MetricsRegistry } from './metrics-registry';

@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsRegistry) {}

  @Get()
  @RequirePermission(Permission.PUBLIC)
  async scrape(@Res() reply: FastifyReply): Promise<void> {
    const { contentType, body } = await this.metrics.text();
    void reply.code(200).header('content-type', contentType).header('cache-control', 'no-store').send(body);
  }
}
