// login(email, password). Lengths are bounded so nobody can make the server hash megabytes.

import { ArgsType, Field } from '@nestjs/graphql';
import { IsEmail, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class LoginArgs {
  @Field()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @Field()
  @IsString()
  @MaxLength(200)
  password!: string;
}
