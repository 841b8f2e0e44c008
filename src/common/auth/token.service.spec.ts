// Tokens remembered after their first check must still expire on time, and a token is
// only ever remembered by its exact string (a forged signature is checked, and refused).

import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { loadConfig } from '../../config/load-config';
import { AppError } from '../errors/app-error';
import { TokenService } from './token.service';

const SECRET = 'token-spec-secret-token-spec-secret-0123456789';

function service(): TokenService {
  const config = loadConfig({ JWT_SECRET: SECRET, JWT_EXPIRES_IN: '1h' });
  return new TokenService(new JwtService({ secret: createSecretKey(Buffer.from(SECRET, 'utf8')) }), config);
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
  return undefined;
}

describe('TokenService', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('verifies an issued token again and again to its user id', () => {
    const tokens = service();
    const { token } = tokens.issue('user-1');
    expect(tokens.verify(token)).toBe('user-1');
    expect(tokens.verify(token)).toBe('user-1');
  });

  it('refuses a remembered token once it has expired', () => {
    jest.useFakeTimers({ now: new Date('2026-11-23T12:00:00Z') });
    const tokens = service();
    const { token, expiresAt } = tokens.issue('user-1');
    expect(tokens.verify(token)).toBe('user-1');
    jest.setSystemTime(expiresAt);
    expect(codeOf(() => tokens.verify(token))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => tokens.verify(token))).toBe('UNAUTHENTICATED');
  });

  it('refuses a token whose signature was altered after the original was remembered', () => {
    const tokens = service();
    const { token } = tokens.issue('user-1');
    expect(tokens.verify(token)).toBe('user-1');
    const [header, payload, signature] = token.split('.');
    const altered = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    expect(codeOf(() => tokens.verify(altered))).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed with another secret', () => {
    const other = new JwtService({ secret: 'another-secret-another-secret-0123456789' });
    const forged = other.sign({ sub: 'user-1', exp: Math.floor(Date.now() / 1000) + 60 });
    expect(codeOf(() => service().verify(forged))).toBe('UNAUTHENTICATED');
  });
});
