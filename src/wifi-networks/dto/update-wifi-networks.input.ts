// Many network changes in one request and one transaction: an operator changing, say, the
// passphrase of every location's primary network sends them in batches instead of ten
// thousand separate mutations.

import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, ValidateNested } from 'class-validator';
import { UpdateWifiNetworkInput } from './update-wifi-network.input';

export const MAX_NETWORK_CHANGES = 1000;

@InputType({ description: 'One network and its change.' })
export class WifiNetworkChangeInput {
  @Field(() => ID, { description: 'The network.' })
  @IsString()
  id!: string;

  @Field(() => UpdateWifiNetworkInput, { description: 'Its change.' })
  @ValidateNested()
  @Type(() => UpdateWifiNetworkInput)
  input!: UpdateWifiNetworkInput;
}

@InputType({ description: 'Many changes, applied all or nothing.' })
export class UpdateWifiNetworksInput {
  @Field(() => [WifiNetworkChangeInput], { description: `At most ${MAX_NETWORK_CHANGES} changes, each to a different network.` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_NETWORK_CHANGES)
  @ValidateNested({ each: true })
  @Type(() => WifiNetworkChangeInput)
  changes!: WifiNetworkChangeInput[];
}
