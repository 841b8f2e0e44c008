// A decoded sts.Report as plain data: what ingestion stores. Bands by OpenSync's radio band
// names; counters are deltas over the reporting window; rssi is the SNR in dB OneWifi puts
// there (operations.md section 7).

export interface ClientSample {
  mac: string;
  band: string;
  channel: number;
  /** epoch ms of the client report */
  at: number;
  rxBytes: number;
  txBytes: number;
  rxRateMbps: number | null;
  txRateMbps: number | null;
  snrDb: number | null;
}

export interface RadioSample {
  band: string;
  channel: number;
  at: number;
  /** Busy share of the sampled time, percent (on-channel survey). */
  busyPct: number | null;
  noiseFloorDbm: number | null;
}

export interface DeviceSample {
  at: number;
  uptimeS: number | null;
  load1: number | null;
  memUsedKb: number | null;
  memTotalKb: number | null;
  cpuPct: number | null;
  /** Highest radio temperature reported, degrees C. */
  tempC: number | null;
}

export interface StatsReport {
  nodeId: string;
  clients: ClientSample[];
  radios: RadioSample[];
  devices: DeviceSample[];
}
