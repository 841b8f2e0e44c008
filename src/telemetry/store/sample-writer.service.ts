// Buffers decoded samples and appends them in bulk: at most once a second, or sooner when a
// buffer reaches 5,000 rows, one transaction with multi-row INSERTs per flush. So 10,000
// client samples a second cost a couple of transactions a second, and the event loop is never
// held by one report. If the database falls behind, buffers are capped and the oldest rows
// dropped (counted): telemetry must never grow the heap without bound.

import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ClientSample, DeviceSample, RadioSample } from '../proto/stats-report';
import { TelemetryStats } from '../ingest/telemetry-stats';
import { TelemetrySql } from './sql';

const FLUSH_MS = 1000;
const FLUSH_ROWS = 5000;
const MAX_BUFFERED = 200_000;

export interface NodeSamples {
  nodeId: string;
  locationId: string;
  clients: ClientSample[];
  radios: RadioSample[];
  devices: (DeviceSample & { rebooted: boolean })[];
  /** When the report was received (lag is measured from here to the commit). */
  receivedAt: number;
}

@Injectable()
export class SampleWriter implements OnModuleDestroy {
  private readonly logger = new Logger('Telemetry');
  private readonly sql: TelemetrySql;
  private clients: unknown[][] = [];
  private nodes: unknown[][] = [];
  private radios: unknown[][] = [];
  private oldestReceivedAt: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    dataSource: DataSource,
    private readonly stats: TelemetryStats,
  ) {
    this.sql = new TelemetrySql(dataSource);
  }

  add(s: NodeSamples): void {
    for (const c of s.clients) this.clients.push([c.at, s.locationId, s.nodeId, c.mac, c.band, c.rxBytes, c.txBytes, c.rxRateMbps, c.txRateMbps, c.snrDb]);
    for (const d of s.devices) this.nodes.push([d.at, s.nodeId, d.uptimeS, d.load1, d.memUsedKb, d.memTotalKb, d.cpuPct, d.tempC, d.rebooted ? 1 : 0]);
    for (const r of s.radios) this.radios.push([r.at, s.nodeId, r.band, r.channel, r.busyPct, r.noiseFloorDbm]);
    this.oldestReceivedAt ??= s.receivedAt;
    this.stats.clientSamples += s.clients.length;
    const buffered = this.clients.length + this.nodes.length + this.radios.length;
    if (buffered > MAX_BUFFERED) {
      this.stats.samplesDropped += this.clients.length;
      this.clients = [];
      this.logger.warn('telemetry writes fall behind: dropped the buffered client samples');
    }
    if (buffered >= FLUSH_ROWS) void this.flush();
    else if (this.timer === undefined) {
      this.timer = setTimeout(() => void this.flush(), FLUSH_MS);
      this.timer.unref();
    }
  }

  /** Writes what is buffered (waits for a flush in progress first). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.flushing) await this.flushing;
    if (this.clients.length + this.nodes.length + this.radios.length === 0) return;
    const [clients, nodes, radios, since] = [this.clients, this.nodes, this.radios, this.oldestReceivedAt];
    this.clients = [];
    this.nodes = [];
    this.radios = [];
    this.oldestReceivedAt = undefined;
    this.flushing = this.write(clients, nodes, radios, since).finally(() => {
      this.flushing = undefined;
    });
    await this.flushing;
  }

  async onModuleDestroy(): Promise<void> {
    await this.flush().catch(() => undefined);
  }

  private async write(clients: unknown[][], nodes: unknown[][], radios: unknown[][], since: number | undefined): Promise<void> {
    try {
      await this.sql.insertMany('telemetry_client_samples', ['at', 'location_id', 'node_id', 'mac', 'band', 'rx_bytes', 'tx_bytes', 'rx_rate', 'tx_rate', 'snr_db'], clients);
      await this.sql.insertMany('telemetry_node_samples', ['at', 'node_id', 'uptime_s', 'load1', 'mem_used_kb', 'mem_total_kb', 'cpu_pct', 'temp_c', 'rebooted'], nodes);
      await this.sql.insertMany('telemetry_radio_samples', ['at', 'node_id', 'band', 'channel', 'busy_pct', 'noise_floor_dbm'], radios);
      this.stats.flushes++;
      if (since !== undefined) this.stats.lastFlushLagMs = Date.now() - since;
    } catch (error) {
      this.stats.samplesDropped += clients.length;
      this.stats.writeFailures++;
      this.logger.warn(`telemetry samples not stored: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
