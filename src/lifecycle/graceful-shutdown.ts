// SIGTERM (and SIGINT): stop taking work, let the work in flight finish, then close.
// 1. Readiness turns false and no new HTTP connection or device connection is accepted.
// 2. No reconciliation pass starts; the transactions in flight get up to
//    SHUTDOWN_TIMEOUT_MS to finish (a transaction cut in half is retried on reconnect, but
//    a device that applied it and lost our answer would show FAILED until then).
// 3. The application closes: every device session is closed (each logged with its serial),
//    open HTTP requests finish, the database closes; the process exits 0.

import { Logger } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import { ReadinessChecks } from '../health/readiness-checks';
import { ReconcilerService } from '../reconciler/reconciler.service';
import { DeviceConnectionsService } from '../reconciler/sessions/device-connections.service';
import { SouthboundService } from '../southbound/southbound.service';

export async function shutDownGracefully(app: INestApplication, signal: string, timeoutMs: number): Promise<void> {
  const logger = new Logger('Shutdown');
  logger.log(`${signal} received: no new HTTP or device connections; waiting up to ${timeoutMs} ms for device transactions in flight`);
  app.get(ReadinessChecks).startDraining();
  const server = app.getHttpServer() as Server;
  server.close();
  server.closeIdleConnections();
  app.get(SouthboundService).stopAccepting();
  const drained = await settlesWithin(app.get(ReconcilerService).drain(), timeoutMs);
  if (!drained) logger.warn(`device transactions still in flight after ${timeoutMs} ms (SHUTDOWN_TIMEOUT_MS): closing their sessions anyway`);
  logger.log(`closing ${app.get(DeviceConnectionsService).all.length} device sessions`);
  await app.close();
  logger.log('stopped');
}

async function settlesWithin(work: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
