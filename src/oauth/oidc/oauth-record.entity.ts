// The authorization server's own records (oidc-provider adapter models: Grant,
// AuthorizationCode, RefreshToken, Session, Interaction, ...), one row per model and id.

import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('oauth_records')
export class OAuthRecord {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  model!: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  id!: string;

  @Column({ type: 'simple-json' })
  payload!: Record<string, unknown>;

  @Column({ name: 'grant_id', type: 'varchar', length: 200, nullable: true })
  grantId!: string | null;

  @Column({ name: 'client_id', type: 'varchar', length: 64, nullable: true })
  clientId!: string | null;

  /** The customer whose grant (or token, code, session) this is. */
  @Column({ name: 'account_id', type: 'varchar', length: 64, nullable: true })
  accountId!: string | null;

  @Column({ name: 'user_code', type: 'varchar', length: 200, nullable: true })
  userCode!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  uid!: string | null;

  @Column({ name: 'expires_at', type: Date, nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'consumed_at', type: Date, nullable: true })
  consumedAt!: Date | null;
}

@Entity('oauth_signing_keys')
export class OAuthSigningKey {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  kid!: string;

  @Column({ name: 'private_jwk', type: 'simple-json' })
  privateJwk!: Record<string, unknown>;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
