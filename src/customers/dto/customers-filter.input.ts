import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { CustomerStatus } from '../customer-status';

@InputType({ description: 'Every condition given must hold.' })
export class CustomersFilter {
  @Field(() => CustomerStatus, { nullable: true, description: 'Only customers with this status.' })
  @IsOptional()
  @IsEnum(CustomerStatus)
  status?: CustomerStatus;

  @Field(() => String, { nullable: true, description: 'Matches name, email or accountId (case-insensitive substring).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field(() => ID, { nullable: true, description: "Only this group (must be one of the caller's)." })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  groupId?: string;
}
