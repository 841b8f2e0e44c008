import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

@InputType()
export class UpdateCustomerInput {
  @Field(() => String, { nullable: true })
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

  @Field(() => String, { nullable: true })
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
