// Bearer tokens: HS256 JWTs carrying only the user id (`sub`). Role and group memberships
// are loaded from the database on every request, so a removed user or membership loses
// access at once instead of when the token expires.
// A token whose signature was checked once is remembered (bounded, by the exact token
// string) so repeated requests with it skip the HMAC and JSON decoding; its expiry is still
// checked on every request. A token without `exp` is refused: it would be valid for ever.

import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppError } from '../errors/app-error';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { durationToSeconds } from '../../config/duration';

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

interface TokenClaims {
  sub?: unknown;
  exp?: unknown;
}

interface VerifiedToken {
  userId: string;
  /** Seconds since the epoch, as in the `exp` claim. */
  exp: number;
}

const MAX_REMEMBERED_TOKENS = 10_000;

@Injectable()
export class TokenService {
  private readonly lifetimeSeconds: number;
  private readonly verified = new Map<string, VerifiedToken>();

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // loadConfig has validated the duration; 12h is only the type system's fallback.
    this.lifetimeSeconds = durationToSeconds(config.jwtExpiresIn) ?? 43200;
  }

  issue(userId: string, now = new Date()): IssuedToken {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const exp = issuedAt + this.lifetimeSeconds;
    // iat to the millisecond (RFC 7519 allows a fractional NumericDate), so a token issued
    // just after a revocation of the user's sessions is told apart from one just before.
    const token = this.jwt.sign({ sub: userId, iat: now.getTime() / 1000, exp }, { algorithm: 'HS256' });
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** The user id of a valid, unexpired token; UNAUTHENTICATED otherwise. */
  verify(token: string): string {
    const known = this.verified.get(token);
    if (known !== undefined) {
      if (Math.floor(Date.now() / 1000) < known.exp) return known.userId;
      this.verified.delete(token);
      throw AppError.unauthenticated('invalid or expired token');
    }
    let claims: TokenClaims;
    try {
      claims = this.jwt.verify<TokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw AppError.unauthenticated('invalid or expired token');
    }
    if (typeof claims.sub !== 'string' || claims.sub === '' || typeof claims.exp !== 'number') throw AppError.unauthenticated('invalid or expired token');
    this.remember(token, { userId: claims.sub, exp: claims.exp });
    return claims.sub;
  }

  /** When a token (already verified) was issued, in ms since the epoch; undefined without iat. */
  issuedAtMs(token: string): number | undefined {
    const claims: unknown = this.jwt.decode(token);
    const iat = typeof claims === 'object' && claims !== null ? (claims as { iat?: unknown }).iat : undefined;
    return typeof iat === 'number' ? Math.round(iat * 1000) : undefined;
  }

  private remember(token: string, verified: VerifiedToken): void {
    // Oldest first: a Map iterates in insertion order.
    if (this.verified.size >= MAX_REMEMBERED_TOKENS) this.verified.delete(this.verified.keys().next().value ?? '');
    this.verified.set(token, verified);
  }
}
