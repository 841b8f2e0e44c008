// The guard authenticates once per request: the root fields of one document share one load
// of the user, and the next request loads afresh (a changed role applies at once).

import { createSecretKey } from 'node:crypto';
import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { JwtService } from '@nestjs/jwt';
import { loadConfig } from '../../config/load-config';
import { AppError } from '../errors/app-error';
import { AuthGuard } from './auth.guard';
import { Authenticator } from './authenticator';
import { Permission, RequirePermission } from './permission';
import { Principal, Role } from './principal';
import { PrincipalLoader } from './principal-loader';
import { RequestContext } from './request-context';
import { TokenService } from './token.service';

const SECRET = 'guard-spec-secret-guard-spec-secret-0123456789';

class Resolver {
  @RequirePermission(Permission.TENANT_READ)
  read(): void {}

  @RequirePermission(Permission.TENANT_WRITE)
  write(): void {}
}

/** The users table, as the guard sees it; counts the loads. */
class UsersTable implements PrincipalLoader {
  loads = 0;
  readonly users = new Map<string, Principal>();

  load(userId: string): Promise<Principal | undefined> {
    this.loads++;
    return Promise.resolve(this.users.get(userId));
  }
}

function setup(): { guard: AuthGuard; users: UsersTable; token: string } {
  const tokens = new TokenService(new JwtService({ secret: createSecretKey(Buffer.from(SECRET, 'utf8')) }), loadConfig({ JWT_SECRET: SECRET, JWT_EXPIRES_IN: '1h' }));
  const users = new UsersTable();
  users.users.set('u1', { userId: 'u1', email: 'a@example.com', role: Role.GROUP_ADMIN, groupIds: ['g1'] });
  return { guard: new AuthGuard(new Reflector(), new Authenticator(tokens, users)), users, token: tokens.issue('u1').token };
}

function request(token: string): RequestContext {
  return { reply: { request: { headers: { authorization: `Bearer ${token}` } } } };
}

function field(ctx: RequestContext, handler: keyof Resolver): ExecutionContext {
  const host = new ExecutionContextHost([{}, {}, ctx, {}], Resolver, Resolver.prototype[handler]);
  host.setType('graphql');
  return host;
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
  return undefined;
}

describe('AuthGuard', () => {
  it('loads the user once for all root fields of one request', async () => {
    const { guard, users, token } = setup();
    const ctx = request(token);
    const results = await Promise.all([guard.canActivate(field(ctx, 'read')), guard.canActivate(field(ctx, 'read')), guard.canActivate(field(ctx, 'write'))]);
    expect(results).toEqual([true, true, true]);
    expect(users.loads).toBe(1);
    expect(ctx.principal?.userId).toBe('u1');
  });

  it('loads the user again on the next request, so a changed role applies at once', async () => {
    const { guard, users, token } = setup();
    expect(await guard.canActivate(field(request(token), 'write'))).toBe(true);
    users.users.set('u1', { userId: 'u1', email: 'a@example.com', role: Role.GROUP_SUPPORT, groupIds: ['g1'] });
    const next = request(token);
    expect(await guard.canActivate(field(next, 'read'))).toBe(true);
    expect(await codeOf(guard.canActivate(field(next, 'write')))).toBe('FORBIDDEN');
    expect(users.loads).toBe(2);
  });

  it('refuses every field of a request whose user is gone or whose token is bad', async () => {
    const { guard, users, token } = setup();
    users.users.delete('u1');
    const gone = request(token);
    expect(await codeOf(guard.canActivate(field(gone, 'read')))).toBe('UNAUTHENTICATED');
    expect(await codeOf(guard.canActivate(field(gone, 'read')))).toBe('UNAUTHENTICATED');
    expect(await codeOf(guard.canActivate(field(request('not-a-token'), 'read')))).toBe('UNAUTHENTICATED');
    expect(await codeOf(guard.canActivate(field({ reply: { request: { headers: {} } } }, 'read')))).toBe('UNAUTHENTICATED');
    expect(users.loads).toBe(1);
  });
});
