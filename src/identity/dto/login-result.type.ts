// What login returns: the bearer token, when it stops working, and who it is for.

import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { User } from '../user.entity';

@ObjectType({ description: 'A bearer token and who it is for.' })
export class LoginResult {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' })
  token!: string;

  @Field(() => GraphQLISODateTime, { description: 'When the token stops working (JWT_EXPIRES_IN after issue).' })
  expiresAt!: Date;

  @Field(() => User, { description: 'The user logged in.' })
  user!: User;
}
