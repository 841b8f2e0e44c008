import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsString, MaxLength } from 'class-validator';
import { MacListMode } from './network-mac-list.entity';

@InputType({ description: 'A network\'s MAC access list, replacing the one it has.' })
export class SetNetworkMacListInput {
  @Field(() => MacListMode, { description: 'ALLOW: only these clients may join; DENY: these may not.' })
  @IsEnum(MacListMode)
  mode!: MacListMode;

  @Field(() => [String], { description: 'Client MACs (aa:bb:cc:dd:ee:ff, any case, - or :), 1 to 512; duplicates count once.' })
  @IsArray()
  @ArrayMaxSize(2000)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  macs!: string[];
}
