// GraphQL output types of device operations beside the entities: connections, progress.

import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Paginated } from '../../common/pagination/connection.type';
import { DeviceOperation } from '../device-operation.entity';
import { DeviceOperationTarget } from '../device-operation-target.entity';
import { OperationState, TargetState } from '../operation-states';

@ObjectType()
export class DeviceOperationConnection extends Paginated(DeviceOperation) {}

@ObjectType()
export class DeviceOperationTargetConnection extends Paginated(DeviceOperationTarget) {}

@ObjectType()
export class DeviceOperationStateCount {
  @Field(() => TargetState)
  state!: TargetState;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class DeviceOperationProgress {
  @Field(() => ID)
  operationId!: string;

  @Field(() => OperationState)
  state!: OperationState;

  @Field(() => [DeviceOperationStateCount], { description: 'Nodes per state (states with none left out).' })
  counts!: DeviceOperationStateCount[];
}
