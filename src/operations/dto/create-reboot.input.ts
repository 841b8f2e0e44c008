// The requests to reboot and to upgrade nodes: targets in any of the bulk forms (their union, then the
// filter), an optional start (an instant, or a local time in the nodes' time zone), waves.

import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsDate, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

@InputType()
export class OperationNodeFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  model?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  firmwareVersion?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only nodes connected (true) or not (false) when the operation is created.' })
  @IsOptional()
  @IsBoolean()
  connected?: boolean;
}

@InputType()
export class OperationTargetsInput {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100_000)
  @IsString({ each: true })
  nodeIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Every node of these locations.' })
  @IsOptional()
  @ArrayMaxSize(100_000)
  @IsString({ each: true })
  locationIds?: string[];

  @Field(() => ID, { nullable: true, description: 'Every node of this group.' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  groupId?: string;

  @Field(() => OperationNodeFilter, { nullable: true, description: 'Keeps only the nodes matching it.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OperationNodeFilter)
  filter?: OperationNodeFilter;
}

@InputType()
export class CreateRebootInput {
  @Field(() => OperationTargetsInput)
  @ValidateNested()
  @Type(() => OperationTargetsInput)
  targets!: OperationTargetsInput;

  @Field(() => Date, { nullable: true, description: 'Start at this instant (not in the past); absent: at once.' })
  @IsOptional()
  @IsDate()
  startAt?: Date;

  @Field(() => String, {
    nullable: true,
    description: 'Start at this local time (YYYY-MM-DDTHH:MM[:SS]) in the time zone of the nodes\' locations (all in one zone).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(19)
  localStartTime?: string;

  @Field(() => Int, { nullable: true, description: 'Nodes in flight at a time (OPERATIONS_WAVE_SIZE by default).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  waveSize?: number;
}

@InputType()
export class CreateFirmwareUpgradeInput extends CreateRebootInput {
  @Field({ description: 'The catalogue version to install (an older one downgrades).' })
  @IsString()
  @MaxLength(64)
  firmwareVersion!: string;

  @Field(() => Int, { nullable: true, description: 'Stop the rollout when more than this percentage of a wave fails (OPERATIONS_CANARY_FAILURE_PERCENT by default).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  canaryFailurePercent?: number;
}

@InputType()
export class RescheduleInput {
  @Field(() => Date, { nullable: true, description: 'The new start (not in the past).' })
  @IsOptional()
  @IsDate()
  startAt?: Date;

  @Field(() => String, { nullable: true, description: "The new start as a local time in the nodes' time zone." })
  @IsOptional()
  @IsString()
  @MaxLength(19)
  localStartTime?: string;
}
