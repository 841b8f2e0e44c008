import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsEnum, IsOptional } from 'class-validator';
import { WifiNetworkKind } from '../wifi-network-enums';
import { PrimaryNetworkInput } from './primary-network.input';

@InputType({ description: 'A new GUEST or IOT network.' })
export class CreateWifiNetworkInput extends PrimaryNetworkInput {
  @Field(() => WifiNetworkKind, { description: 'GUEST or IOT: the PRIMARY network comes with the location.' })
  @IsEnum(WifiNetworkKind)
  kind!: WifiNetworkKind;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Whether it runs on the devices from the start.' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Isolate the network on the devices (own bridge, subnet and DHCP, no forwarding to the home network). Default: true.',
  })
  @IsOptional()
  @IsBoolean()
  isolated?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'When the network should end; must be in the future.' })
  @IsOptional()
  @IsDate()
  expiresAt?: Date | null;
}
