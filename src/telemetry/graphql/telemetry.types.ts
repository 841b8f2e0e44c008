// GraphQL shapes of stored telemetry. Bytes are Float (GraphQL Int is 32 bits); signal is
// the SNR in dB OpenSync reports as "rssi".

import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum UsageBucketSize {
  HOUR = 'HOUR',
  DAY = 'DAY',
}
registerEnumType(UsageBucketSize, {
  name: 'UsageBucketSize',
  description: 'Buckets start at whole UTC hours or days.',
  valuesMap: {
    HOUR: { description: 'One bucket per UTC hour.' },
    DAY: { description: 'One bucket per UTC day.' },
  },
});

@ObjectType({ description: 'Bytes moved by clients during one hour or day.' })
export class UsageBucket {
  @Field(() => Date, { description: 'Start of the bucket: a whole UTC hour or day.' })
  start!: Date;

  @Field(() => Float, { description: 'Bytes the clients received (downstream).' })
  rxBytes!: number;

  @Field(() => Float, { description: 'Bytes the clients sent (upstream).' })
  txBytes!: number;
}

@ObjectType({ description: 'A client\'s signal (SNR) during one hour.' })
export class SignalBucket {
  @Field(() => Date, { description: 'Start of the bucket: a whole UTC hour.' })
  start!: Date;

  @Field(() => Float, { description: 'Mean SNR, dB.' })
  avgSnrDb!: number;

  @Field(() => Int, { nullable: true, description: 'Lowest SNR, dB.' })
  minSnrDb!: number | null;
}

@ObjectType({ description: 'A client of a location and the bytes it moved over a time range.' })
export class TopTalker {
  @Field({ description: 'Lower-case colon-separated MAC address of the client.' })
  mac!: string;

  @Field(() => String, { nullable: true, description: 'The client\'s nickname; null when unnamed.' })
  nickname!: string | null;

  @Field(() => Float, { description: 'Bytes the client received (downstream) over the range.' })
  rxBytes!: number;

  @Field(() => Float, { description: 'Bytes the client sent (upstream) over the range.' })
  txBytes!: number;
}

@ObjectType({ description: 'The last survey of one radio of a node, from the past hour.' })
export class RadioHealth {
  @Field({ description: 'Radio band: 2.4G, 5G, 5GL, 5GU or 6G.' })
  band!: string;

  @Field(() => Int, { description: 'The channel the radio was on.' })
  channel!: number;

  @Field(() => Int, { nullable: true, description: 'Channel utilisation, percent (on-channel survey).' })
  busyPct!: number | null;

  @Field(() => Int, { nullable: true, description: 'Noise floor, dBm; null when not reported.' })
  noiseFloorDbm!: number | null;

  @Field(() => Date, { description: 'When the controller received the survey.' })
  at!: Date;
}

@ObjectType({ description: 'A node\'s health as of its last stats report.' })
export class NodeHealth {
  @Field(() => Date, { description: 'When the node last reported.' })
  at!: Date;

  @Field(() => Int, { nullable: true, description: 'Seconds since the node booted.' })
  uptimeS!: number | null;

  @Field(() => Float, { nullable: true, description: 'One-minute load average.' })
  load1!: number | null;

  @Field(() => Int, { nullable: true, description: 'Memory in use, kilobytes.' })
  memUsedKb!: number | null;

  @Field(() => Int, { nullable: true, description: 'Total memory, kilobytes.' })
  memTotalKb!: number | null;

  @Field(() => Int, { nullable: true, description: 'CPU utilisation, percent.' })
  cpuPct!: number | null;

  @Field(() => Int, { nullable: true, description: 'Hottest radio, degrees C.' })
  tempC!: number | null;

  @Field(() => Date, { nullable: true, description: 'Last reboot seen (uptime went down), within the raw retention.' })
  lastRebootAt!: Date | null;

  @Field(() => [RadioHealth], { description: 'Each radio\'s last survey within the past hour, by band.' })
  radios!: RadioHealth[];
}
