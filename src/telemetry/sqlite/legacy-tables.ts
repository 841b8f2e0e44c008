// Telemetry tables an older release kept in the main database file. Migration 1765680000000
// renames those that hold rows to these names (and drops the empty ones); the ingestion
// worker copies their rows into the telemetry file once (legacy-import.ts), and the main
// thread then empties and drops them (legacy-cleanup.ts).

export const LEGACY_TABLES = [
  { table: 'telemetry_client_samples', legacy: 'telemetry_legacy_client_samples', columns: ['at', 'location_id', 'node_id', 'mac', 'band', 'rx_bytes', 'tx_bytes', 'rx_rate', 'tx_rate', 'snr_db'] },
  { table: 'telemetry_node_samples', legacy: 'telemetry_legacy_node_samples', columns: ['at', 'node_id', 'uptime_s', 'load1', 'mem_used_kb', 'mem_total_kb', 'cpu_pct', 'temp_c', 'rebooted'] },
  { table: 'telemetry_radio_samples', legacy: 'telemetry_legacy_radio_samples', columns: ['at', 'node_id', 'band', 'channel', 'busy_pct', 'noise_floor_dbm'] },
  { table: 'telemetry_client_hourly', legacy: 'telemetry_legacy_client_hourly', columns: ['hour', 'location_id', 'mac', 'rx_bytes', 'tx_bytes', 'snr_sum', 'snr_count', 'snr_min'] },
] as const;

export type LegacyTable = (typeof LEGACY_TABLES)[number];
