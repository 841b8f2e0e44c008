// Login and "who is this user now" (the guard's PrincipalLoader). Unknown email and wrong
// password fail the same way and take about as long, so emails cannot be probed. Failed
// logins are throttled per account and per source address (login-throttle.ts); a locked
// account is refused with TOO_MANY_REQUESTS before any password work, known or not, and
// the lock of an existing account is audited.
// The guard asks on every request (a removed user or membership loses access at once), so
// `load` is one plain SQL statement: the ORM's query building cost more than the query.

import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { PrincipalLoader } from '../common/auth/principal-loader';
import { Principal, Role } from '../common/auth/principal';
import { TokenService } from '../common/auth/token.service';
import { AppError } from '../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { TransactionRunner } from '../database/transaction-runner';
import { LoginThrottle } from './login-throttle';
import { LoginResult } from './dto/login-result.type';
import { UNKNOWN_USER_HASH, verifyPassword } from './password-hasher';
import { normalizeEmail, User } from './user.entity';

/** Roles a user may hold (a resident is a customer, never a user). */
const ROLES: readonly Role[] = Object.values(Role).filter((r) => r !== Role.RESIDENT);

interface PrincipalRow {
  email: string;
  role: string;
  group_id: string | null;
  tokens_valid_after: string | number | null;
}

@Injectable()
export class AuthService implements PrincipalLoader {
  private readonly principalSql: string;
  private readonly venuesSql: string;
  private readonly throttle = new LoginThrottle();
  private readonly logger = new Logger('Auth');

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly tokens: TokenService,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
  ) {
    // Bound to the one driver in use: `?` for SQLite, `$1` for PostgreSQL.
    const param = dataSource.options.type === 'postgres' ? '$1' : '?';
    // A venue manager's venues: those assigned, of a group the user (still) belongs to.
    this.venuesSql = `SELECT uv.venue_id AS venue_id FROM user_venues uv JOIN venues v ON v.id = uv.venue_id JOIN user_groups ug ON ug.user_id = uv.user_id AND ug.group_id = v.group_id WHERE uv.user_id = ${param}`;
    this.principalSql = `SELECT u.email AS email, u.role AS role, ug.group_id AS group_id, u.tokens_valid_after AS tokens_valid_after FROM users u LEFT JOIN user_groups ug ON ug.user_id = u.id WHERE u.id = ${param}`;
  }

  /** `source` is the client's address, throttled apart from the account. */
  async login(email: string, password: string, source: string): Promise<LoginResult> {
    const account = normalizeEmail(email);
    const { retryAfterSeconds } = this.throttle.check(account, source);
    if (retryAfterSeconds !== undefined) throw tooMany(retryAfterSeconds);
    const user = await this.users.findOne({ where: { email: account }, relations: { groups: true } });
    const ok = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    if (user === null || !ok) {
      const lockMs = this.throttle.failed(account, source);
      // Not awaited: the answer must take as long whether the account exists or not.
      if (lockMs > 0 && user !== null) this.auditLock(user, lockMs, source).catch((error: unknown) => this.logger.error(`audit of a login lock failed: ${String(error)}`));
      throw AppError.unauthenticated('invalid email or password');
    }
    this.throttle.succeeded(account);
    return { ...this.tokens.issue(user.id), user };
  }

  private async auditLock(user: User, lockMs: number, source: string): Promise<void> {
    // Through the TransactionRunner: on SQLite every transaction shares the one connection.
    await this.tx.run((manager) => this.audit.record(toPrincipal(user), manager, {
      action: 'user.lock',
      objectType: 'user',
      objectId: user.id,
      groupId: user.groups[0]?.id ?? null,
      after: { reason: 'failed logins', lockedForSeconds: Math.ceil(lockMs / 1000), source },
    }));
  }

  async load(userId: string): Promise<Principal | undefined> {
    const rows = await this.dataSource.query<PrincipalRow[]>(this.principalSql, [userId]);
    if (rows.length === 0) return undefined;
    const role = ROLES.find((r) => r === rows[0].role);
    if (role === undefined) return undefined;
    const revokedBefore = rows[0].tokens_valid_after;
    const revoked = revokedBefore === null ? {} : { tokensValidAfter: Number(revokedBefore) };
    if (role === Role.VENUE_MANAGER) {
      // Never group-wide: a venue manager's scope is their venues (src/access/venue-scope.ts).
      const venues = await this.dataSource.query<{ venue_id: string }[]>(this.venuesSql, [userId]);
      return { userId, email: rows[0].email, role, groupIds: [], venueIds: venues.map((v) => v.venue_id), ...revoked };
    }
    const groupIds = role === Role.PLATFORM_ADMIN ? [] : rows.flatMap((r) => (r.group_id === null ? [] : [r.group_id]));
    return { userId, email: rows[0].email, role, groupIds, ...revoked };
  }

  async me(principal: Principal): Promise<User> {
    const user = await this.users.findOne({ where: { id: principal.userId }, relations: { groups: true } });
    if (user === null) throw AppError.unauthenticated();
    return user;
  }
}

function tooMany(retryAfterSeconds: number): AppError {
  return AppError.tooManyRequests(`too many failed logins; try again in ${retryAfterSeconds} s`, retryAfterSeconds);
}

export function toPrincipal(user: User): Principal {
  const groupIds = user.role === Role.PLATFORM_ADMIN || user.role === Role.VENUE_MANAGER ? [] : user.groups.map((g) => g.id);
  return { userId: user.id, email: user.email, role: user.role, groupIds };
}
