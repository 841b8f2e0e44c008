// nodes(filter, first/after, last/before): the support portal's node search.

import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { Paginated } from '../../common/pagination/connection.type';
import { PageArgs } from '../../common/pagination/page.args';
import { Node } from '../node.entity';

@InputType({ description: 'Every condition given must hold.' })
export class NodesFilter {
  @Field(() => ID, { nullable: true, description: 'Only nodes of this group (one of the caller\'s).' })
  @IsOptional()
  @IsUUID()
  groupId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only nodes claimed to this location.' })
  @IsOptional()
  @IsUUID()
  locationId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only connected (true) or offline (false) nodes.' })
  @IsOptional()
  @IsBoolean()
  connected?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Only this model, exactly as reported.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  model?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this firmware version, exactly as reported.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  firmwareVersion?: string | null;

  @Field(() => String, { nullable: true, description: 'Serials starting with this text, compared case-insensitively.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  serialPrefix?: string | null;
}

@ArgsType()
export class NodesArgs extends PageArgs {
  @Field(() => NodesFilter, { nullable: true, description: 'Conditions; none lists every node the caller may see.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NodesFilter)
  filter?: NodesFilter | null;
}

@ObjectType({ description: 'A page of nodes, by serial.' })
export class NodeConnection extends Paginated(Node) {}
