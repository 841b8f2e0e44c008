// Arguments of the operation lists: page plus filters.

import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/pagination/page.args';
import { OperationKind, OperationState, TargetState } from '../operation-states';

@InputType({ description: 'Narrows the operation list to those matching every field given.' })
export class DeviceOperationsFilter {
  @Field(() => OperationKind, { nullable: true, description: 'Operations of this kind.' })
  @IsOptional()
  @IsEnum(OperationKind)
  kind?: OperationKind;

  @Field(() => OperationState, { nullable: true, description: 'Operations in this state.' })
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
  @Field(() => DeviceOperationsFilter, { nullable: true, description: 'Keeps only the operations matching it.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeviceOperationsFilter)
  filter?: DeviceOperationsFilter | null;
}

@ArgsType()
export class OperationTargetsArgs extends PageArgs {
  @Field(() => TargetState, { nullable: true, description: 'Only the nodes in this state.' })
  @IsOptional()
  @IsEnum(TargetState)
  state?: TargetState;
}
