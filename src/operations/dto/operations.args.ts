// Arguments of the operation lists: page plus filters.

import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/pagination/page.args';
import { OperationKind, OperationState, TargetState } from '../operation-states';

@InputType()
export class DeviceOperationsFilter {
  @Field(() => OperationKind, { nullable: true })
  @IsOptional()
  @IsEnum(OperationKind)
  kind?: OperationKind;

  @Field(() => OperationState, { nullable: true })
  @IsOptional()
  @IsEnum(OperationState)
  state?: OperationState;

  @Field(() => ID, { nullable: true, description: 'Operations covering this node.' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  nodeId?: string;

  @Field(() => ID, { nullable: true, description: 'Operations covering a node of this location.' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  locationId?: string;

  @Field(() => ID, { nullable: true, description: 'Operations created by this user.' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  createdBy?: string;
}

@ArgsType()
export class DeviceOperationsArgs extends PageArgs {
  @Field(() => DeviceOperationsFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeviceOperationsFilter)
  filter?: DeviceOperationsFilter | null;
}

@ArgsType()
export class OperationTargetsArgs extends PageArgs {
  @Field(() => TargetState, { nullable: true })
  @IsOptional()
  @IsEnum(TargetState)
  state?: TargetState;
}
