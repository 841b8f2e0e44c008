// GraphQL output types of device operations beside the entities: connections, progress.

import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Paginated } from '../../common/pagination/connection.type';
import { DeviceOperation } from '../device-operation.entity';
import { DeviceOperationTarget } from '../device-operation-target.entity';
import { OperationState, TargetState } from '../operation-states';

@ObjectType({ description: 'A page of device operations.' })
export class DeviceOperationConnection extends Paginated(DeviceOperation) {}

@ObjectType({ description: 'A page of the nodes of a device operation.' })
export class DeviceOperationTargetConnection extends Paginated(DeviceOperationTarget) {}

@ObjectType({ description: 'How many nodes of an operation are in one state.' })
export class DeviceOperationStateCount {
  @Field(() => TargetState, { description: 'The node state counted.' })
  state!: TargetState;

  @Field(() => Int, { description: 'Nodes of the operation in that state.' })
  count!: number;
}

@ObjectType({ description: 'One push of the progress subscription: the operation state and its nodes per state.' })
export class DeviceOperationProgress {
  @Field(() => ID, { description: 'The operation.' })
  operationId!: string;

  @Field(() => OperationState, { description: 'The state of the operation at this push.' })
  state!: OperationState;

  @Field(() => [DeviceOperationStateCount], { description: 'Nodes per state (states with none left out).' })
  counts!: DeviceOperationStateCount[];
}
