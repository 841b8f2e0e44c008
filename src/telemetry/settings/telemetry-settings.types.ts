// GraphQL shapes of a group's stats settings.

import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('TelemetrySettings', { description: 'How often the nodes of a group report statistics (seconds).' })
export class TelemetrySettings {
  @Field(() => ID, { description: 'The group these settings apply to.' })
  groupId!: string;

  @Field(() => Int, { description: 'agg_stats_interval: how often a node publishes its merged report.' })
  aggStatsIntervalS!: number;

  @Field(() => Int, { description: 'reporting_interval of the client and device stats.' })
  reportingIntervalS!: number;

  @Field(() => Int, { description: 'sampling_interval inside a report.' })
  samplingIntervalS!: number;

  @Field(() => Int, { description: 'reporting_interval of the on-channel survey.' })
  surveyIntervalS!: number;

  @Field({ description: 'False while the group uses the defaults.' })
  custom!: boolean;
}

@InputType({ description: 'New stats intervals for a group\'s nodes, in seconds; group admins set them.' })
export class TelemetrySettingsInput {
  @Field(() => Int, { description: 'agg_stats_interval: how often a node publishes its merged report, 10..3600 seconds.' })
  aggStatsIntervalS!: number;

  @Field(() => Int, { description: 'reporting_interval of the client and device stats, 10..3600 seconds.' })
  reportingIntervalS!: number;

  @Field(() => Int, { description: 'sampling_interval inside a report, 1..3600 seconds.' })
  samplingIntervalS!: number;

  @Field(() => Int, { description: 'reporting_interval of the on-channel survey, 10..3600 seconds.' })
  surveyIntervalS!: number;
}
