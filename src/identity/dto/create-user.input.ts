// createUser(input). Platform admins have no groups; group roles need at least one.

import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEmail, IsEnum, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { Role } from '../role.graphql';

export const MIN_PASSWORD_LENGTH = 12;

@InputType({ description: 'A new user.' })
export class CreateUserInput {
  @Field({ description: 'Login email, unique (case-insensitive).' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @Field({ description: `At least ${MIN_PASSWORD_LENGTH} characters.` })
  @IsString()
  @Length(MIN_PASSWORD_LENGTH, 200)
  password!: string;

  @Field(() => Role, { description: 'What the user may do; group admins create GROUP_SUPPORT users only.' })
  @IsEnum(Role)
  role!: Role;

  @Field(() => [ID], { defaultValue: [], description: 'Their groups: none for a platform admin, at least one otherwise.' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  groupIds: string[] = [];
}
