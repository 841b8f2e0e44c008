// GraphQL shapes of a group's stats settings.

import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('TelemetrySettings', { description: 'How often the nodes of a group report statistics (seconds).' })
export class TelemetrySettings {
  @Field(() => ID)
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

@InputType()
export class TelemetrySettingsInput {
  @Field(() => Int)
  aggStatsIntervalS!: number;

  @Field(() => Int)
  reportingIntervalS!: number;

  @Field(() => Int)
  samplingIntervalS!: number;

  @Field(() => Int)
  surveyIntervalS!: number;
}
