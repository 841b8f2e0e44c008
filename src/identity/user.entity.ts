// A user of the API. The email is stored lower-cased so uniqueness is case-insensitive on
// both databases; the password hash never becomes a GraphQL field.

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, Entity, JoinTable, ManyToMany, PrimaryColumn } from 'typeorm';
import { Role } from './role.graphql';
import { Group } from './group.entity';

@ObjectType()
@Entity('users')
export class User {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Field()
  @Column({ type: 'varchar', length: 254, unique: true })
  email!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 200 })
  passwordHash!: string;

  @Field(() => Role)
  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  @Field(() => [Group])
  @ManyToMany(() => Group)
  @JoinTable({ name: 'user_groups', joinColumn: { name: 'user_id' }, inverseJoinColumn: { name: 'group_id' } })
  groups!: Group[];

  @Field()
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
