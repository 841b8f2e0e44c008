// A user of the API. The email is stored lower-cased so uniqueness is case-insensitive on
// both databases; the password hash never becomes a GraphQL field.

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, Entity, JoinTable, ManyToMany, PrimaryColumn } from 'typeorm';
import { Role } from './role.graphql';
import { Group } from './group.entity';

@ObjectType({ description: 'Someone who uses the API (platform admin, group admin, group support).' })
@Entity('users')
export class User {
  @Field(() => ID, { description: 'Unique id (UUID).' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Field({ description: 'Login email, unique, lower-cased.' })
  @Column({ type: 'varchar', length: 254, unique: true })
  email!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 200 })
  passwordHash!: string;

  @Field(() => Role, { description: 'What the user may do.' })
  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  @Field(() => [Group], { description: 'The groups the user belongs to (those you may see).' })
  @ManyToMany(() => Group)
  @JoinTable({ name: 'user_groups', joinColumn: { name: 'user_id' }, inverseJoinColumn: { name: 'group_id' } })
  groups!: Group[];

  @Field({ description: 'When the user was created.' })
  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  /** Bearer tokens issued before this instant (ms since the epoch) are refused; null: none revoked. */
  @Column({ name: 'tokens_valid_after', type: 'bigint', nullable: true, transformer: { to: (v?: number | null) => v, from: (v: unknown) => (v === null || v === undefined ? null : Number(v)) } })
  tokensValidAfter!: number | null;

  @BeforeInsert()
  protected assignDefaults(): void {
    this.id ??= randomUUID();
    this.createdAt ??= new Date();
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
