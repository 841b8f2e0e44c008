// GraphQL shapes of what a connected device reports: its radios and every VIF the
// controller manages there, desired vs configured vs running.

import { Field, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from '../../audit/json.scalar';
import { RadioBand } from './device-enums';
import { VifMismatch } from './status.types';

@ObjectType({ description: 'A radio of the node, as the device reports it (Wifi_Radio_State).' })
export class NodeRadio {
  @Field(() => RadioBand, { nullable: true, description: 'The band (freq_band); null if the device reports a value OpenSync does not define.' })
  band!: RadioBand | null;

  @Field(() => Int, { nullable: true, description: 'The channel in use, if reported.' })
  channel!: number | null;

  @Field(() => String, { nullable: true, description: 'The radio interface, e.g. wifi0.' })
  ifName!: string | null;
}

@ObjectType({ description: 'A VIF the controller manages on the node. Passphrases are shown to group admins only.' })
export class NodeVif {
  @Field({ description: 'The VIF interface name, e.g. wl0.1 (docs/decisions/vif-naming.md).' })
  ifName!: string;

  @Field(() => RadioBand, { nullable: true, description: 'The band of the radio the model places the VIF on; null for a VIF that must be removed.' })
  band!: RadioBand | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The Wifi_VIF_Config row the model asks for (null: must be removed).' })
  desired!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The Wifi_VIF_Config row on the device.' })
  config!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The Wifi_VIF_State row the device reports.' })
  state!: unknown;

  @Field({ description: 'Whether desired, config and state agree (no mismatches).' })
  inSync!: boolean;

  @Field(() => [VifMismatch], { description: 'What differs, column by column.' })
  mismatches!: VifMismatch[];
}

@ObjectType({ description: 'A device that connected but is claimed to no location yet (docs/api.md, Unclaimed nodes).' })
export class UnclaimedNode {
  @Field({ description: 'The serial to pass to claimNode.' })
  serial!: string;

  @Field(() => String, { nullable: true, description: 'Model as the device reported it.' })
  model!: string | null;

  @Field(() => String, { nullable: true, description: 'Firmware version as the device reported it.' })
  firmwareVersion!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the device was last connected.' })
  lastSeenAt!: Date | null;

  @Field({ description: 'Whether it is connected now.' })
  connected!: boolean;
}
