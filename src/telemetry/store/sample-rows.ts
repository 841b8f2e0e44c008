// Samples of one report as table rows: the column lists of the three raw tables and the
// mapping to them, shared by the PostgreSQL writer on the main thread and the telemetry
// file's writer in the ingestion worker, so both store exactly the same thing.

import { ClientSample, DeviceSample, RadioSample } from '../proto/stats-report';

export interface NodeSamples {
  nodeId: string;
  locationId: string;
  clients: ClientSample[];
  radios: RadioSample[];
  devices: (DeviceSample & { rebooted: boolean })[];
  /** When the report was received (lag is measured from here to the commit). */
  receivedAt: number;
}

export const CLIENT_COLUMNS = ['at', 'location_id', 'node_id', 'mac', 'band', 'rx_bytes', 'tx_bytes', 'rx_rate', 'tx_rate', 'snr_db'] as const;
export const NODE_COLUMNS = ['at', 'node_id', 'uptime_s', 'load1', 'mem_used_kb', 'mem_total_kb', 'cpu_pct', 'temp_c', 'rebooted'] as const;
export const RADIO_COLUMNS = ['at', 'node_id', 'band', 'channel', 'busy_pct', 'noise_floor_dbm'] as const;

export type Row = (string | number | null)[];

/** Rows buffered for one flush, with the receive time of the oldest report in them. */
export interface SampleBatch {
  clients: Row[];
  nodes: Row[];
  radios: Row[];
  oldestReceivedAt: number | undefined;
}

export const TABLES = [
  { name: 'telemetry_client_samples', columns: CLIENT_COLUMNS, rows: (b: SampleBatch): Row[] => b.clients },
  { name: 'telemetry_node_samples', columns: NODE_COLUMNS, rows: (b: SampleBatch): Row[] => b.nodes },
  { name: 'telemetry_radio_samples', columns: RADIO_COLUMNS, rows: (b: SampleBatch): Row[] => b.radios },
] as const;

export function clientRows(s: NodeSamples): Row[] {
  return s.clients.map((c) => [c.at, s.locationId, s.nodeId, c.mac, c.band, c.rxBytes, c.txBytes, c.rxRateMbps, c.txRateMbps, c.snrDb]);
}

export function nodeRows(s: NodeSamples): Row[] {
  return s.devices.map((d) => [d.at, s.nodeId, d.uptimeS, d.load1, d.memUsedKb, d.memTotalKb, d.cpuPct, d.tempC, d.rebooted ? 1 : 0]);
}

export function radioRows(s: NodeSamples): Row[] {
  return s.radios.map((r) => [r.at, s.nodeId, r.band, r.channel, r.busyPct, r.noiseFloorDbm]);
}

export function batchSize(b: SampleBatch): number {
  return b.clients.length + b.nodes.length + b.radios.length;
}
