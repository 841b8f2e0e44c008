import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

@InputType({ description: 'Fields left out keep their value.' })
export class UpdateCustomerInput {
  @Field(() => String, { nullable: true, description: 'A new display name.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  name?: string;

  @Field(() => String, { nullable: true, description: 'Changing the email clears emailVerified.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  email?: string;

  @Field(() => String, { nullable: true, description: 'null removes the account id.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  accountId?: string | null;

  @Field(() => String, { nullable: true, description: 'The sales partner or channel; null removes it.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  partnerId?: string | null;

  @Field(() => String, { nullable: true, description: 'null removes the password.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  password?: string | null;
}
