// The requests to reboot and to upgrade nodes: targets in any of the bulk forms (their union, then the
// filter), an optional start (an instant, or a local time in the nodes' time zone), waves.

import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsDate, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

@InputType({ description: 'Narrows the targets of a new operation to the nodes matching every field given.' })
export class OperationNodeFilter {
  @Field(() => String, { nullable: true, description: 'Only nodes of this model (as the device last reported it).' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  model?: string;

  @Field(() => String, { nullable: true, description: 'Only nodes running this firmware version (as the device last reported it).' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  firmwareVersion?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only nodes connected (true) or not (false) when the operation is created.' })
  @IsOptional()
  @IsBoolean()
  connected?: boolean;
}

@InputType({ description: 'The nodes of a new operation: the union of the ids, locations and group given, then narrowed by the filter; all claimed, in one group.' })
export class OperationTargetsInput {
  @Field(() => [ID], { nullable: true, description: 'These nodes.' })
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

@InputType({ description: 'A reboot (or log pull) of nodes: targets, optional start, wave size.' })
export class CreateRebootInput {
  @Field(() => OperationTargetsInput, { description: 'The nodes to act on (up to OPERATIONS_MAX_TARGETS).' })
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

@InputType({ description: 'A firmware upgrade or downgrade of nodes: the reboot input plus the catalogue version and canary threshold.' })
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

@InputType({ description: 'A new start for an operation still SCHEDULED: an instant or a local time, one of the two.' })
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
