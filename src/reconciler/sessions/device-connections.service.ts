// Device sessions, once the southbound has identified them: certificate check (over TLS the
// CN must be the serial the device reports), node row upkeep, a monitor of the WiFi tables,
// and one live connection per serial (a newer session replaces the older one).

import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { deviceCapabilities } from '@lib/opensync';
import { DatabaseCache, MonitorResyncStats, monitorResyncStats } from '@lib/ovsdb';
import { Observable, Subject, Subscription } from 'rxjs';
import { IdentifiedDevice, OPENSYNC_DB } from '../../southbound/device-identification';
import { SouthboundService } from '../../southbound/southbound.service';
import { normaliseSerial } from '../../validation/serial';
import { DeviceConnection, monitoredWifiTables, wifiMonitorRequests } from './device-connection';
import { NodePresenceService } from './node-presence.service';

export type ConnectionEvent = { kind: 'connected'; connection: DeviceConnection } | { kind: 'disconnected'; connection: DeviceConnection };

@Injectable()
export class DeviceConnectionsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Southbound');
  private readonly bySerial = new Map<string, DeviceConnection>();
  private readonly byNode = new Map<string, DeviceConnection>();
  private readonly eventsSubject = new Subject<ConnectionEvent>();
  private subscription: Subscription | undefined;
  /** Sessions refused after identification (no serial, certificate CN mismatch); read by metrics. */
  readonly stats = { refused: 0 };

  constructor(
    private readonly southbound: SouthboundService,
    private readonly presence: NodePresenceService,
  ) {}

  get events$(): Observable<ConnectionEvent> {
    return this.eventsSubject.asObservable();
  }

  forNode(nodeId: string): DeviceConnection | undefined {
    return this.byNode.get(nodeId);
  }

  get all(): DeviceConnection[] {
    return [...this.byNode.values()];
  }

  /** Monitors resynced after an inconsistent update, and what it cost (for /metrics). */
  get monitorResyncs(): Readonly<MonitorResyncStats> {
    return monitorResyncStats;
  }

  // Subscribed before the southbound's listener starts (application bootstrap), so no device is missed.
  async onModuleInit(): Promise<void> {
    await this.presence.resetAll(new Date());
    this.subscription = this.southbound.devices$.subscribe((device) => void this.attach(device));
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    this.eventsSubject.complete();
  }

  private async attach(device: IdentifiedDevice): Promise<void> {
    const { session, identity } = device;
    const serial = device.serial;
    const cn = session.peer.commonName;
    if (serial === undefined) {
      this.stats.refused++;
      this.logger.warn(`[${session.label}] refused: AWLAN_Node names no serial_number or id`);
      session.close('device reports no serial');
      return;
    }
    if (cn !== undefined && normaliseSerial(cn) !== serial) {
      this.stats.refused++;
      this.logger.warn(`[serial=${serial} ${session.label}] refused: certificate CN "${cn}" is not the serial the device reports`);
      session.close('certificate CN does not match the serial');
      return;
    }
    session.serial = serial;
    try {
      const schema = session.schema(OPENSYNC_DB) ?? (await session.getSchema(OPENSYNC_DB));
      const caps = deviceCapabilities(schema);
      const wifi = new DatabaseCache(schema, monitoredWifiTables(schema));
      await session.monitor(OPENSYNC_DB, wifiMonitorRequests(schema), wifi);
      const node = await this.presence.connected(
        { serial, model: identity.model, firmwareVersion: identity.firmwareVersion, remoteAddress: session.peer.remoteAddress },
        new Date(),
      );
      if (node === undefined) {
        session.close('unknown serial not recorded (OVSDB_UNKNOWN_SERIALS_PER_MINUTE or OVSDB_MAX_UNCLAIMED_NODES)');
        return;
      }
      if (session.isClosed) return;
      const connection: DeviceConnection = { serial, nodeId: node.id, session, schema, caps, wifi, connectedAt: new Date() };
      this.replace(connection);
      // The closures below live as long as the session: they capture the id, not the node row.
      const nodeId = node.id;
      wifi.onBatch(() => void this.presence.seen(nodeId, new Date()).catch(() => undefined));
      void session.closed.then((reason) => this.detach(connection, reason.message));
      this.logger.log(`[${session.label}] connected (node ${node.id}, security ${caps.securityStyle})`);
      this.eventsSubject.next({ kind: 'connected', connection });
    } catch (error) {
      this.logger.warn(`[${session.label}] session setup failed: ${error instanceof Error ? error.message : String(error)}`);
      session.close('session setup failed');
    }
  }

  private replace(connection: DeviceConnection): void {
    const old = this.bySerial.get(connection.serial);
    this.bySerial.set(connection.serial, connection);
    this.byNode.set(connection.nodeId, connection);
    if (old !== undefined && old.session !== connection.session) {
      this.logger.log(`[${old.session.label}] replaced by a newer session from ${connection.session.label}`);
      old.session.close('replaced');
    }
  }

  private async detach(connection: DeviceConnection, why: string): Promise<void> {
    connection.wifi.dispose();
    if (this.bySerial.get(connection.serial) !== connection) return;
    this.bySerial.delete(connection.serial);
    this.byNode.delete(connection.nodeId);
    this.logger.log(`[${connection.session.label}] disconnected: ${why}`);
    this.eventsSubject.next({ kind: 'disconnected', connection });
    await this.presence.disconnected(connection.nodeId, new Date()).catch((error: unknown) => {
      this.logger.warn(`[${connection.session.label}] could not mark the node disconnected: ${String(error)}`);
    });
  }
}
