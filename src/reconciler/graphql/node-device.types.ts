// GraphQL shapes of what a connected device reports: its radios and every VIF the
// controller manages there, desired vs configured vs running.

import { Field, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from '../../audit/json.scalar';
import { VifMismatch } from './status.types';

@ObjectType()
export class NodeRadio {
  @Field({ description: 'freq_band as the device reports it: 2.4G, 5G, 5GL, 5GU or 6G.' })
  band!: string;

  @Field(() => Int, { nullable: true })
  channel!: number | null;

  @Field(() => String, { nullable: true })
  ifName!: string | null;
}

@ObjectType({ description: 'A VIF the controller manages on the node. Passphrases are shown to group admins only.' })
export class NodeVif {
  @Field()
  ifName!: string;

  @Field(() => String, { nullable: true })
  band!: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The Wifi_VIF_Config row the model asks for (null: must be removed).' })
  desired!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The Wifi_VIF_Config row on the device.' })
  config!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The Wifi_VIF_State row the device reports.' })
  state!: unknown;

  @Field()
  inSync!: boolean;

  @Field(() => [VifMismatch])
  mismatches!: VifMismatch[];
}

@ObjectType()
export class UnclaimedNode {
  @Field()
  serial!: string;

  @Field(() => String, { nullable: true })
  model!: string | null;

  @Field(() => String, { nullable: true })
  firmwareVersion!: string | null;

  @Field(() => Date, { nullable: true })
  lastSeenAt!: Date | null;

  @Field()
  connected!: boolean;
}
