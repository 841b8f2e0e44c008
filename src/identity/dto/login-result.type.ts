// What login returns: the bearer token, when it stops working, and who it is for.

import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { User } from '../user.entity';

@ObjectType()
export class LoginResult {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' })
  token!: string;

  @Field(() => GraphQLISODateTime)
  expiresAt!: Date;

  @Field(() => User)
  user!: User;
}
