// Login and "who is this user now" (the guard's PrincipalLoader). Unknown email and wrong
// password fail the same way and take about as long, so emails cannot be probed.

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PrincipalLoader } from '../common/auth/principal-loader';
import { Principal, Role } from '../common/auth/principal';
import { TokenService } from '../common/auth/token.service';
import { AppError } from '../common/errors/app-error';
import { LoginResult } from './dto/login-result.type';
import { UNKNOWN_USER_HASH, verifyPassword } from './password-hasher';
import { normalizeEmail, User } from './user.entity';

@Injectable()
export class AuthService implements PrincipalLoader {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly tokens: TokenService,
  ) {}

  async login(email: string, password: string): Promise<LoginResult> {
    const user = await this.users.findOne({ where: { email: normalizeEmail(email) }, relations: { groups: true } });
    const ok = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    if (user === null || !ok) throw AppError.unauthenticated('invalid email or password');
    return { ...this.tokens.issue(user.id), user };
  }

  async load(userId: string): Promise<Principal | undefined> {
    const user = await this.users.findOne({ where: { id: userId }, relations: { groups: true } });
    if (user === null) return undefined;
    return toPrincipal(user);
  }

  async me(principal: Principal): Promise<User> {
    const user = await this.users.findOne({ where: { id: principal.userId }, relations: { groups: true } });
    if (user === null) throw AppError.unauthenticated();
    return user;
  }
}

export function toPrincipal(user: User): Principal {
  const groupIds = user.role === Role.PLATFORM_ADMIN ? [] : user.groups.map((g) => g.id);
  return { userId: user.id, email: user.email, role: user.role, groupIds };
}
