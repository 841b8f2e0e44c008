// Starts the OVSDB listener with the configured specs and identifies each device that
// connects. Every log line names the device by serial once it is known (the session label).
// The device port's rules (docs/decisions/device-port-security.md): a session is on
// admission terms until identified (small messages and echoes, a deadline, caps in total
// and per address); it must answer an echo before it may take a handshake slot; its serial
// must pass the one serial rule; and an unauthenticated session never replaces a live one
// for the same serial.

import { readFileSync } from 'node:fs';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { closeReason, OvsdbError, OvsdbListener } from '@lib/ovsdb';
import type { BoundAddress, OvsdbSession, TlsMaterial } from '@lib/ovsdb';
import { Observable, Subject } from 'rxjs';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig, OvsdbConfig } from '../config/app-config';
import { isUnauthenticatedRemote } from '../config/load-config';
import { normaliseSerial, printable } from '../validation/serial';
import { describeIdentity } from './device-identity';
import type { DevicePlacement } from './device-placement';
import { redirectDevice } from './redirect-device';
import { RedirectorListener } from './redirector-listener';
import { identifyDevice, OPENSYNC_DB } from './device-identification';
import type { IdentifiedDevice } from './device-identification';
import { HandshakeGate } from './handshake-gate';
import { emptySouthboundStats } from './southbound-stats';
import type { SouthboundStats } from './southbound-stats';

/** Schema fetches in flight at once; enough to keep both cores busy, few enough to keep accepting. */
export const MAX_CONCURRENT_HANDSHAKES = 64;
/** The schema reply (366 KB for OpenSync 7) and the AWLAN_Node row fit; larger only once identified. */
export const UNIDENTIFIED_MAX_MESSAGE_BYTES = 1024 * 1024;
/** Echo requests a device may send before it is identified (ovsdb-server sends empty ones). */
export const UNIDENTIFIED_MAX_ECHO_BYTES = 4096;

function readTls(config: OvsdbConfig): TlsMaterial | undefined {
  const { tlsCertFile, tlsKeyFile, tlsCaFile } = config;
  if (!tlsCertFile || !tlsKeyFile || !tlsCaFile) return undefined;
  return { cert: readFileSync(tlsCertFile), key: readFileSync(tlsKeyFile), ca: readFileSync(tlsCaFile) };
}

@Injectable()
export class SouthboundService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Southbound');
  private listener: OvsdbListener | undefined;
  /** The live identified session of each serial. */
  private readonly identified = new Map<string, IdentifiedDevice>();
  private readonly devicesSubject = new Subject<IdentifiedDevice>();
  private readonly handshakes = new HandshakeGate(MAX_CONCURRENT_HANDSHAKES);
  /** Refusals and bounds of the device port, for metrics. */
  readonly stats: SouthboundStats = emptySouthboundStats();
  /** Set by the cluster module before bootstrap; unset, every identified device is served here. */
  placement: DevicePlacement | undefined;
  private redirector: RedirectorListener | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Each device once identified (AWLAN_Node read), for modules that act on devices. */
  get devices$(): Observable<IdentifiedDevice> {
    return this.devicesSubject.asObservable();
  }

  /** Devices with a live session right now. */
  get devices(): IdentifiedDevice[] {
    return [...this.identified.values()];
  }

  /** Sessions connected but not yet identified. */
  get unidentifiedCount(): number {
    return this.listener?.pendingCount ?? 0;
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
      admission: {
        maxMessageBytes: UNIDENTIFIED_MAX_MESSAGE_BYTES,
        maxEchoBytes: UNIDENTIFIED_MAX_ECHO_BYTES,
        timeoutMs: ovsdb.handshakeTimeoutMs,
        maxPending: ovsdb.maxUnidentified,
        maxPendingPerAddress: ovsdb.maxUnidentifiedPerAddress,
      },
      stats: this.stats,
      logger: this.logger,
    });
    this.listener.sessions.subscribe((session) => void this.onSession(session));
    await this.listener.start();
    await this.startRedirector();
    for (const spec of ovsdb.listen.split(/[\s,]+/).filter(isUnauthenticatedRemote)) {
      this.logger.warn(`${spec}: devices are NOT authenticated on this listener (OVSDB_ALLOW_REMOTE_TCP): anyone who can reach it and knows a serial gets that device's configuration; use ssl: in production`);
    }
  }

  /** Graceful shutdown: no new device connections; live sessions stay until the module is destroyed. */
  stopAccepting(): void {
    this.listener?.stopAccepting();
  }

  /** Where the redirector listener is bound (cluster mode with CLUSTER_REDIRECTOR_LISTEN only). */
  get redirectorAddresses(): BoundAddress[] {
    return this.redirector?.addresses ?? [];
  }

  /** The redirector listener's counts (zeros without one). */
  get redirectorStats(): { redirected: number; noInstance: number; failed: number } {
    return this.redirector?.stats ?? { redirected: 0, noInstance: 0, failed: 0 };
  }

  private async startRedirector(): Promise<void> {
    const listen = this.config.cluster?.redirectorListen;
    if (listen === undefined || this.placement === undefined) return;
    const ovsdb = this.config.ovsdb;
    this.redirector = new RedirectorListener({
      listener: {
        listen,
        tls: readTls(ovsdb),
        maxSessions: ovsdb.maxSessions,
        acceptPerSecond: ovsdb.acceptPerSecond,
        probeIntervalMs: ovsdb.probeIntervalMs,
        maxMessageBytes: UNIDENTIFIED_MAX_MESSAGE_BYTES,
        admission: {
          maxMessageBytes: UNIDENTIFIED_MAX_MESSAGE_BYTES,
          maxEchoBytes: UNIDENTIFIED_MAX_ECHO_BYTES,
          timeoutMs: ovsdb.handshakeTimeoutMs,
          maxPending: ovsdb.maxUnidentified,
          maxPendingPerAddress: ovsdb.maxUnidentifiedPerAddress,
        },
      },
      placement: this.placement,
      acceptSerial: (device) => this.acceptedSerial(device),
      handshakes: this.handshakes,
      transactTimeoutMs: ovsdb.handshakeTimeoutMs,
    });
    await this.redirector.start();
  }

  /** Sends a served device to another instance (cluster drain): manager_addr written, session closed. */
  async redirect(serial: string, managerAddr: string): Promise<void> {
    const device = this.identified.get(serial);
    if (device === undefined || device.session.isClosed) return;
    this.logger.log(`[${device.session.label}] moving to ${managerAddr}`);
    await redirectDevice(device.session, managerAddr, this.config.ovsdb.handshakeTimeoutMs);
  }

  /** Closes every device session (this instance can no longer prove it may hold them). */
  closeAll(why: string): void {
    for (const device of this.identified.values()) device.session.close(why);
  }

  async onModuleDestroy(): Promise<void> {
    await this.redirector?.close();
    await this.listener?.close();
    this.devicesSubject.complete();
  }

  private async onSession(session: OvsdbSession): Promise<void> {
    try {
      // A peer must answer a small request before it may hold a handshake slot: silent or
      // echo-only peers wait here until the listener's deadline closes them.
      await session.echo([]);
      // The schema is the heavy part of identification; the session keeps it for later.
      await this.handshakes.run(async () => {
        if (!session.isClosed) await session.getSchema(OPENSYNC_DB);
      });
      if (session.isClosed) return;
      const device = await identifyDevice(session);
      if (session.isClosed) return;
      const serial = this.acceptedSerial(device);
      if (serial === undefined || !(await this.mayTakeSerial(session, serial)) || session.isClosed) return;
      if (this.placement !== undefined && !(await this.placed(session, serial, this.placement))) return;
      device.serial = serial;
      session.serial = serial;
      session.establish();
      this.identified.set(serial, device);
      void session.closed.then(() => {
        if (this.identified.get(serial)?.session === session) this.identified.delete(serial);
      });
      this.logger.log(`[${session.label}] device identified: ${describeIdentity(device.identity)}`);
      this.devicesSubject.next(device);
    } catch (err) {
      if (session.isClosed) return;
      const code = err instanceof OvsdbError ? err.code : 'INTERNAL';
      // The message may quote what the peer sent: bounded and escaped.
      const message = printable(err instanceof Error ? err.message : String(err), 300);
      this.logger.warn(`[${session.label}] identification failed: ${code}: ${message}`);
      session.close(`identification failed: ${code}`);
    }
  }

  /** Cluster mode: whether this instance serves the device; otherwise it is sent on (or refused). */
  private async placed(session: OvsdbSession, serial: string, placement: DevicePlacement): Promise<boolean> {
    session.serial = serial;
    const verdict = await placement.admit(serial);
    if (session.isClosed) return false;
    if (verdict.kind === 'serve') return true;
    if (verdict.kind === 'refuse') {
      this.logger.warn(`[${session.label}] not served: ${verdict.why}`);
      session.close(`not served: ${verdict.why}`);
      return false;
    }
    this.logger.log(`[${session.label}] redirected to ${verdict.managerAddr}: ${verdict.why}`);
    session.establish();
    await redirectDevice(session, verdict.managerAddr, this.config.ovsdb.handshakeTimeoutMs);
    return false;
  }

  /** The canonical serial the device reports (AWLAN_Node serial_number, else id); over TLS the CN must name it. */
  private acceptedSerial(device: IdentifiedDevice): string | undefined {
    const { session, identity } = device;
    const reported = identity.serialNumber ?? identity.id;
    const serial = normaliseSerial(reported);
    const cn = session.peer.commonName;
    let why: string | undefined;
    if (serial === undefined) why = reported === undefined ? 'AWLAN_Node names no serial_number or id' : `"${printable(reported)}" is not a valid serial`;
    else if (cn !== undefined && normaliseSerial(cn) !== serial) why = `certificate CN "${printable(cn)}" is not the serial ${serial} the device reports`;
    if (why === undefined) return serial;
    this.stats.invalidSerials++;
    this.logger.warn(`[${session.label}] refused: ${why}`);
    session.close(closeReason('ADMISSION_LIMIT', 'invalid serial'));
    return undefined;
  }

  /**
   * A certificate-authenticated session may replace a live one (the device proved its serial).
   * An unauthenticated one may not: the older session is probed at once, and only if it does
   * not answer (a device that rebooted leaves a dead socket) does the newer one take over.
   */
  private async mayTakeSerial(session: OvsdbSession, serial: string): Promise<boolean> {
    const older = this.identified.get(serial);
    if (older === undefined || older.session.isClosed || session.peer.commonName !== undefined) return true;
    this.stats.serialConflicts++;
    this.logger.warn(`[serial=${serial} ${session.label}] serial already connected from ${older.session.label} without certificate proof: probing the older session`);
    const probeMs = Math.max(500, Math.floor(this.config.ovsdb.handshakeTimeoutMs / 3));
    const alive = await older.session.request('echo', [], probeMs).then(() => true, () => false);
    if (alive && !older.session.isClosed) {
      this.logger.warn(`[serial=${serial} ${session.label}] refused: the older session of ${serial} is alive (an unauthenticated session never replaces a live one)`);
      session.close(closeReason('ADMISSION_LIMIT', 'serial already connected'));
      return false;
    }
    this.stats.conflictProbesFailed++;
    older.session.close(closeReason('INACTIVITY', `did not answer a probe within ${probeMs} ms after another session claimed its serial`));
    await older.session.closed;
    // Another claimant may have won while we waited.
    const now = this.identified.get(serial);
    if (now !== undefined && now !== older && !now.session.isClosed) {
      session.close(closeReason('ADMISSION_LIMIT', 'serial already connected'));
      return false;
    }
    return true;
  }
}
