// The key that signs access tokens (ES256). Generated on first start and kept in the
// database, so every controller instance signs and verifies with the same key and tokens
// survive restarts. The oldest row signs; all rows are published for verification.

import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OAuthSigningKey } from './oauth-record.entity';

export type Jwk = Record<string, unknown> & { kid: string; kty: string };

export const ACCESS_TOKEN_ALG = 'ES256';

export async function loadSigningKeys(dataSource: DataSource): Promise<Jwk[]> {
  const repository = dataSource.getRepository(OAuthSigningKey);
  let rows = await repository.find({ order: { createdAt: 'ASC', kid: 'ASC' } });
  if (rows.length === 0) {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const kid = randomBytes(12).toString('base64url');
    const privateJwk = { ...privateKey.export({ format: 'jwk' }), kid, alg: ACCESS_TOKEN_ALG, use: 'sig' };
    // Another instance may insert its own at the same moment: both then use the oldest.
    await repository.insert({ kid, privateJwk, createdAt: new Date() });
    rows = await repository.find({ order: { createdAt: 'ASC', kid: 'ASC' } });
  }
  return rows.map((row) => row.privateJwk as Jwk);
}

/** The public half of a private JWK (what the JWKS endpoint publishes). */
export function publicJwk(jwk: Jwk): Jwk {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...rest } = jwk;
  return rest as Jwk;
}
