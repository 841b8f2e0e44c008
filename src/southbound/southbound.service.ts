// Starts the OVSDB listener with the configured specs and identifies each device that
// connects. Every log line names the device by serial once it is known (the session label).

import { readFileSync } from 'node:fs';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { OvsdbError, OvsdbListener } from '@lib/ovsdb';
import type { BoundAddress, OvsdbSession, TlsMaterial } from '@lib/ovsdb';
import { Observable, Subject } from 'rxjs';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig, OvsdbConfig } from '../config/app-config';
import { describeIdentity } from './device-identity';
import { identifyDevice, OPENSYNC_DB } from './device-identification';
import type { IdentifiedDevice } from './device-identification';
import { HandshakeGate } from './handshake-gate';

/** Schema fetches in flight at once; enough to keep both cores busy, few enough to keep accepting. */
export const MAX_CONCURRENT_HANDSHAKES = 64;

function readTls(config: OvsdbConfig): TlsMaterial | undefined {
  const { tlsCertFile, tlsKeyFile, tlsCaFile } = config;
  if (!tlsCertFile || !tlsKeyFile || !tlsCaFile) return undefined;
  return { cert: readFileSync(tlsCertFile), key: readFileSync(tlsKeyFile), ca: readFileSync(tlsCaFile) };
}

@Injectable()
export class SouthboundService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Southbound');
  private listener: OvsdbListener | undefined;
  private readonly identified = new Map<OvsdbSession, IdentifiedDevice>();
  private readonly devicesSubject = new Subject<IdentifiedDevice>();
  private readonly handshakes = new HandshakeGate(MAX_CONCURRENT_HANDSHAKES);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Each device once identified (AWLAN_Node read), for modules that act on devices. */
  get devices$(): Observable<IdentifiedDevice> {
    return this.devicesSubject.asObservable();
  }

  /** Devices with a live session right now. */
  get devices(): IdentifiedDevice[] {
    return [...this.identified.values()];
  }

  /** Every open device session, identified or not (metrics read it at scrape time). */
  get openSessions(): ReadonlySet<OvsdbSession> {
    return this.listener?.openSessions ?? new Set();
  }

  /** Where the listener is bound (real ports, also for specs that asked for port 0). */
  get addresses(): BoundAddress[] {
    return this.listener?.addresses ?? [];
  }

  async onApplicationBootstrap(): Promise<void> {
    const ovsdb = this.config.ovsdb;
    this.listener = new OvsdbListener({
      listen: ovsdb.listen,
      tls: readTls(ovsdb),
      maxSessions: ovsdb.maxSessions,
      acceptPerSecond: ovsdb.acceptPerSecond,
      probeIntervalMs: ovsdb.probeIntervalMs,
      maxMessageBytes: ovsdb.maxMessageBytes,
      logger: this.logger,
    });
    this.listener.sessions.subscribe((session) => void this.onSession(session));
    await this.listener.start();
  }

  /** Graceful shutdown: no new device connections; live sessions stay until the module is destroyed. */
  stopAccepting(): void {
    this.listener?.stopAccepting();
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener?.close();
    this.devicesSubject.complete();
  }

  private async onSession(session: OvsdbSession): Promise<void> {
    try {
      // The schema is the heavy part of identification; the session keeps it for later.
      await this.handshakes.run(async () => {
        if (!session.isClosed) await session.getSchema(OPENSYNC_DB);
      });
      if (session.isClosed) return;
      const device = await identifyDevice(session);
      if (session.isClosed) return;
      this.identified.set(session, device);
      void session.closed.then(() => this.identified.delete(session));
      this.logger.log(`[${session.label}] device identified: ${describeIdentity(device.identity)}`);
      this.devicesSubject.next(device);
    } catch (err) {
      const code = err instanceof OvsdbError ? err.code : 'INTERNAL';
      const message = err instanceof Error ? err.message : String(err);
      this.logger.warn(`[${session.label}] identification failed: ${code}: ${message}`);
      session.close(`identification failed: ${code}`);
    }
  }
}
