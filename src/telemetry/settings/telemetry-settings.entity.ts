// A group's stats intervals, when its admins changed them from the defaults
// (STATS_*_INTERVAL_S). A group without a row uses the defaults.

import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('telemetry_settings')
export class TelemetrySettingsRow {
  @PrimaryColumn({ name: 'group_id', type: 'varchar', length: 36 })
  groupId!: string;

  @Column({ name: 'agg_stats_interval_s', type: 'integer' })
  aggStatsIntervalS!: number;

  @Column({ name: 'reporting_interval_s', type: 'integer' })
  reportingIntervalS!: number;

  @Column({ name: 'sampling_interval_s', type: 'integer' })
  samplingIntervalS!: number;

  @Column({ name: 'survey_interval_s', type: 'integer' })
  surveyIntervalS!: number;
}
