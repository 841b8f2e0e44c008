// login and me.

import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../common/auth/permission';
import { Principal } from '../common/auth/principal';
import { RequestContext, sourceAddressOf } from '../common/auth/request-context';
import { AuthService } from './auth.service';
import { LoginArgs } from './dto/login.args';
import { LoginResult } from './dto/login-result.type';
import { User } from './user.entity';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => LoginResult, {
    description: 'Exchange email and password for a bearer token. Repeated failures are throttled per account and per address (TOO_MANY_REQUESTS, extensions.retryAfterSeconds).',
  })
  @RequirePermission(Permission.PUBLIC)
  login(@Args() args: LoginArgs, @Context() ctx: RequestContext): Promise<LoginResult> {
    return this.auth.login(args.email, args.password, sourceAddressOf(ctx));
  }

  @Query(() => User, { description: 'The authenticated user, with their groups.' })
  @RequirePermission(Permission.AUTHENTICATED)
  me(@CurrentPrincipal() principal: Principal): Promise<User> {
    return this.auth.me(principal);
  }
}
