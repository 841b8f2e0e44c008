// login(email, password). Lengths are bounded so nobody can make the server hash megabytes.

import { ArgsType, Field } from '@nestjs/graphql';
import { IsEmail, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class LoginArgs {
  @Field({ description: 'Your login email.' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @Field({ description: 'Your password.' })
  @IsString()
  @MaxLength(200)
  password!: string;
}
