// One audited change: who did what to which object, with a before/after summary that
// never holds secrets (see redact.ts).

import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, Entity, PrimaryColumn } from 'typeorm';
import { GraphQLJSON } from './json.scalar';

@ObjectType()
@Entity('audit_events')
export class AuditEvent {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Field(() => ID)
  @Column({ name: 'actor_user_id', type: 'varchar', length: 36 })
  actorUserId!: string;

  @Field()
  @Column({ name: 'actor_email', type: 'varchar', length: 254 })
  actorEmail!: string;

  @Field({ description: 'What happened, as <objectType>.<verb>, e.g. customer.create.' })
  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Field()
  @Column({ name: 'object_type', type: 'varchar', length: 64 })
  objectType!: string;

  @Field(() => ID)
  @Column({ name: 'object_id', type: 'varchar', length: 36 })
  objectId!: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'group_id', type: 'varchar', length: 36, nullable: true })
  groupId!: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ type: 'simple-json', nullable: true })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ type: 'simple-json', nullable: true })
  after!: unknown;

  @Field(() => GraphQLISODateTime)
  @Column({ type: Date })
  at!: Date;

  @BeforeInsert()
  protected assignDefaults(): void {
    this.id ??= randomUUID();
    this.at ??= new Date();
  }
}
