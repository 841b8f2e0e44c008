// An API client registered by a group admin (for their group) or a platform admin: an OAuth
// client of the authorization server. Confidential clients hold a secret (shown once,
// stored as a hash); public clients (mobile, single-page) have none and must use PKCE.

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType({ description: 'An application allowed to call the REST APIs with OAuth 2.0 access tokens.' })
@Entity('api_clients')
export class ApiClient {
  @Field(() => ID, { description: 'Unique id (UUID).' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Field({ description: 'The OAuth client_id the application sends.' })
  @Column({ name: 'client_id', type: 'varchar', length: 64, unique: true })
  clientId!: string;

  @Field(() => ID, { description: 'The group that registered the client.' })
  @Column({ name: 'group_id', type: 'varchar', length: 36 })
  groupId!: string;

  @Field({ description: 'Name shown to customers on the consent page.' })
  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Field({ description: 'True: the client authenticates with a secret; false: a public client (PKCE, no secret).' })
  @Column({ type: 'boolean' })
  confidential!: boolean;

  /** SHA-256 of the secret (hex); null for a public client. */
  @Column({ name: 'secret_hash', type: 'varchar', length: 128, nullable: true })
  secretHash!: string | null;

  @Field(() => [String], { description: 'Where the authorization server may send customers back after consent.' })
  @Column({ name: 'redirect_uris', type: 'simple-json' })
  redirectUris!: string[];

  @Field(() => [String], { description: 'The scopes the client may ask for (sensitive ones only once approved).' })
  @Column({ type: 'simple-json' })
  scopes!: string[];

  @Field(() => String, { nullable: true, description: 'Why the client needs its sensitive scopes, as shown to the approver and on the consent page.' })
  @Column({ type: 'text', nullable: true })
  justification!: string | null;

  @Field(() => Date, { nullable: true, description: 'When a platform admin approved the sensitive scopes; null: not approved.' })
  @Column({ name: 'sensitive_approved_at', type: Date, nullable: true })
  sensitiveApprovedAt!: Date | null;

  @Column({ name: 'sensitive_approved_by', type: 'varchar', length: 36, nullable: true })
  sensitiveApprovedBy!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Client credentials act for this customer only (a customer operating their own client); null: for the whole group.',
  })
  @Column({ name: 'customer_id', type: 'varchar', length: 36, nullable: true })
  customerId!: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy!: string | null;

  @Field({ description: 'When the client was registered.' })
  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @BeforeInsert()
  protected assignDefaults(): void {
    this.id ??= randomUUID();
    this.createdAt ??= new Date();
  }
}
