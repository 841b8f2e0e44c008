// login and me.

import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../common/auth/permission';
import { Principal } from '../common/auth/principal';
import { AuthService } from './auth.service';
import { LoginArgs } from './dto/login.args';
import { LoginResult } from './dto/login-result.type';
import { User } from './user.entity';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => LoginResult, { description: 'Exchange email and password for a bearer token.' })
  @RequirePermission(Permission.PUBLIC)
  login(@Args() args: LoginArgs): Promise<LoginResult> {
    return this.auth.login(args.email, args.password);
  }

  @Query(() => User, { description: 'The authenticated user, with their groups.' })
  @RequirePermission(Permission.AUTHENTICATED)
  me(@CurrentPrincipal() principal: Principal): Promise<User> {
    return this.auth.me(principal);
  }
}
