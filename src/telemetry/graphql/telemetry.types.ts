// GraphQL shapes of stored telemetry. Bytes are Float (GraphQL Int is 32 bits); signal is
// the SNR in dB OpenSync reports as "rssi".

import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum UsageBucketSize {
  HOUR = 'HOUR',
  DAY = 'DAY',
}
registerEnumType(UsageBucketSize, { name: 'UsageBucketSize', description: 'Buckets start at whole UTC hours or days.' });

@ObjectType()
export class UsageBucket {
  @Field(() => Date)
  start!: Date;

  @Field(() => Float, { description: 'Bytes the clients received (downstream).' })
  rxBytes!: number;

  @Field(() => Float, { description: 'Bytes the clients sent (upstream).' })
  txBytes!: number;
}

@ObjectType()
export class SignalBucket {
  @Field(() => Date)
  start!: Date;

  @Field(() => Float, { description: 'Mean SNR, dB.' })
  avgSnrDb!: number;

  @Field(() => Int, { nullable: true, description: 'Lowest SNR, dB.' })
  minSnrDb!: number | null;
}

@ObjectType()
export class TopTalker {
  @Field()
  mac!: string;

  @Field(() => String, { nullable: true })
  nickname!: string | null;

  @Field(() => Float)
  rxBytes!: number;

  @Field(() => Float)
  txBytes!: number;
}

@ObjectType()
export class RadioHealth {
  @Field()
  band!: string;

  @Field(() => Int)
  channel!: number;

  @Field(() => Int, { nullable: true, description: 'Channel utilisation, percent (on-channel survey).' })
  busyPct!: number | null;

  @Field(() => Int, { nullable: true })
  noiseFloorDbm!: number | null;

  @Field(() => Date)
  at!: Date;
}

@ObjectType()
export class NodeHealth {
  @Field(() => Date, { description: 'When the node last reported.' })
  at!: Date;

  @Field(() => Int, { nullable: true, description: 'Seconds since the node booted.' })
  uptimeS!: number | null;

  @Field(() => Float, { nullable: true })
  load1!: number | null;

  @Field(() => Int, { nullable: true })
  memUsedKb!: number | null;

  @Field(() => Int, { nullable: true })
  memTotalKb!: number | null;

  @Field(() => Int, { nullable: true })
  cpuPct!: number | null;

  @Field(() => Int, { nullable: true, description: 'Hottest radio, degrees C.' })
  tempC!: number | null;

  @Field(() => Date, { nullable: true, description: 'Last reboot seen (uptime went down), within the raw retention.' })
  lastRebootAt!: Date | null;

  @Field(() => [RadioHealth])
  radios!: RadioHealth[];
}
