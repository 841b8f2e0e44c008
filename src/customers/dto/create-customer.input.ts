import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CreateLocationInput } from '../../locations/dto/create-location.input';

@InputType({ description: 'A new customer with their first location.' })
export class CreateCustomerInput {
  @Field(() => ID, { nullable: true, description: "Required for platform admins and for users in several groups; otherwise the caller's group." })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  groupId?: string | null;

  @Field({ description: 'Display name, 1 to 200 characters.' })
  @IsString()
  @MaxLength(1000)
  name!: string;

  @Field({ description: 'Unique within the group, compared case-insensitively.' })
  @IsString()
  @MaxLength(1000)
  email!: string;

  @Field(() => String, { nullable: true, description: "The ISP's account key, unique within the group." })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  accountId?: string | null;

  @Field(() => String, { nullable: true, description: 'The sales partner or channel (free text).' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  partnerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Optional: a partner identity provider may log the customer in instead.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  password?: string | null;

  @Field(() => CreateLocationInput, { description: "The customer's first location, with its PRIMARY network." })
  @ValidateNested()
  @Type(() => CreateLocationInput)
  location!: CreateLocationInput;
}
