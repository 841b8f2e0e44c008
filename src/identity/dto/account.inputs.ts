// Inputs of the user, group and own-account changes (updateUser, updateGroup, changePassword).

import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEmail, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { Role } from '../role.graphql';
import { MIN_PASSWORD_LENGTH } from './create-user.input';

@InputType({ description: 'Fields left out keep their value.' })
export class UpdateUserInput {
  @Field(() => String, { nullable: true, description: 'A new login email (unique, case-insensitive).' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @Field(() => Role, { nullable: true, description: 'A new role (platform admins only).' })
  @IsOptional()
  @IsEnum(Role)
  role?: Role | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the memberships; a group admin may only name their own groups.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  groupIds?: string[] | null;

  @Field(() => String, { nullable: true, description: `A new password (at least ${MIN_PASSWORD_LENGTH} characters); ends the user's sessions.` })
  @IsOptional()
  @IsString()
  @Length(MIN_PASSWORD_LENGTH, 200)
  password?: string | null;
}

@InputType({ description: 'Fields left out keep their value.' })
export class UpdateGroupInput {
  @Field(() => String, { nullable: true, description: '1 to 100 characters, unique.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string | null;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field({ description: 'The password in use now.' })
  @IsString()
  @MaxLength(200)
  currentPassword!: string;

  @Field({ description: `The new password, at least ${MIN_PASSWORD_LENGTH} characters.` })
  @IsString()
  @Length(MIN_PASSWORD_LENGTH, 200)
  newPassword!: string;
}
