// The request to kick one client: the nodes (ids or locations), the client's MAC and how long
// it stays blocked. A kick starts at once on every node (no schedule, no waves).

import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { OperationTargetsInput } from '../dto/create-reboot.input';
import { KICK_BLOCK_MAX_S, KICK_BLOCK_MIN_S } from '../operations-config';

@InputType({ description: 'A client kick: the client is disconnected from the nodes and kept out of them for a while.' })
export class CreateClientKickInput {
  @Field(() => OperationTargetsInput, { description: 'The nodes to kick the client from: nodeIds or locationIds (a whole group is refused).' })
  @ValidateNested()
  @Type(() => OperationTargetsInput)
  targets!: OperationTargetsInput;

  @Field({ description: "The client's MAC address, aa:bb:cc:dd:ee:ff (either case, ':' or '-')." })
  @IsString()
  @MaxLength(32)
  mac!: string;

  @Field(() => Int, {
    nullable: true,
    description: `Seconds the client stays blocked on each node (${KICK_BLOCK_MIN_S} to ${KICK_BLOCK_MAX_S}; OPERATIONS_KICK_BLOCK_S by default). The block is lifted by itself.`,
  })
  @IsOptional()
  @IsInt()
  @Min(KICK_BLOCK_MIN_S)
  @Max(KICK_BLOCK_MAX_S)
  blockForSeconds?: number;
}
