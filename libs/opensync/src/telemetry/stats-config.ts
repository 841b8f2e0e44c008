// Wifi_Stats_Config rows the controller wants on a node (operations.md section 7): client
// and on-channel survey stats per radio band, and device stats. OneWifi supports only
// report_type "raw" with reporting_count 0, so those are fixed; the intervals come from the
// node's group settings. A row is identified by (stats_type, radio_type, survey_type).

import { DatabaseSchema, Operation, Row } from '@lib/ovsdb';
import { CachedRow } from '../desired/desired-network';
import { isRadioBand, RadioBand } from '../naming/radio-band';
import { planKeyedRows } from './config-rows';

export const STATS_CONFIG_TABLE = 'Wifi_Stats_Config';

export interface StatsIntervals {
  /** Seconds between client/device reports (reporting_interval). */
  reportingIntervalS: number;
  /** Seconds between samples inside a report (sampling_interval). */
  samplingIntervalS: number;
  /** Seconds between on-channel survey reports. */
  surveyIntervalS: number;
}

export function desiredStatsConfig(bands: readonly string[], intervals: StatsIntervals): Map<string, Row> {
  const rows = new Map<string, Row>();
  const add = (row: Row): void => void rows.set(statsRowKey(row), row);
  const base = { report_type: 'raw', reporting_count: 0 };
  const distinct = [...new Set(bands.filter((b): b is RadioBand => isRadioBand(b)))].sort();
  for (const band of distinct) {
    add({ ...base, stats_type: 'client', radio_type: band, survey_type: undefined, reporting_interval: intervals.reportingIntervalS, sampling_interval: intervals.samplingIntervalS });
    add({ ...base, stats_type: 'survey', radio_type: band, survey_type: 'on-chan', reporting_interval: intervals.surveyIntervalS, sampling_interval: intervals.samplingIntervalS });
  }
  add({ ...base, stats_type: 'device', radio_type: undefined, survey_type: undefined, reporting_interval: intervals.reportingIntervalS, sampling_interval: 0 });
  return rows;
}

export function statsRowKey(row: Readonly<Row>): string {
  const part = (v: unknown): string => (typeof v === 'string' ? v : '');
  return `${part(row.stats_type)}/${part(row.radio_type)}/${part(row.survey_type)}`;
}

export function planStatsConfig(desired: ReadonlyMap<string, Readonly<Row>>, rows: readonly CachedRow[], schema: DatabaseSchema): Operation[] {
  return planKeyedRows({ table: STATS_CONFIG_TABLE, desired, rows, keyOf: statsRowKey }, schema);
}

/** The columns of Wifi_Stats_Config the controller sets (what a replica must hold to converge). */
export const MANAGED_STATS_COLUMNS: readonly string[] = [
  'stats_type',
  'radio_type',
  'survey_type',
  'report_type',
  'reporting_count',
  'reporting_interval',
  'sampling_interval',
];
