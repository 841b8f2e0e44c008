// One audited change: who did what to which object, with a before/after summary that
// never holds secrets (see redact.ts).

import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, Entity, PrimaryColumn } from 'typeorm';
import { GraphQLJSON } from './json.scalar';

@ObjectType({ description: 'One change made through the API: who, when, what, and the object before and after (secrets redacted).' })
@Entity('audit_events')
export class AuditEvent {
  @Field(() => ID, { description: 'Unique id (UUID).' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Field(() => ID, { description: 'The user who made the change.' })
  @Column({ name: 'actor_user_id', type: 'varchar', length: 36 })
  actorUserId!: string;

  @Field({ description: 'Their email at the time.' })
  @Column({ name: 'actor_email', type: 'varchar', length: 254 })
  actorEmail!: string;

  @Field({ description: 'What happened, as <objectType>.<verb>, e.g. customer.create.' })
  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Field({ description: 'The kind of object changed: customer, location, wifi_network, node, user or group.' })
  @Column({ name: 'object_type', type: 'varchar', length: 64 })
  objectType!: string;

  @Field(() => ID, { description: 'The object changed.' })
  @Column({ name: 'object_id', type: 'varchar', length: 36 })
  objectId!: string;

  @Field(() => ID, { nullable: true, description: 'The group the object belongs to (null for platform-wide objects).' })
  @Column({ name: 'group_id', type: 'varchar', length: 36, nullable: true })
  groupId!: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The object before the change (null for a creation), secrets redacted.' })
  @Column({ type: 'simple-json', nullable: true })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The object after the change (null for a deletion), secrets redacted.' })
  @Column({ type: 'simple-json', nullable: true })
  after!: unknown;

  @Field(() => GraphQLISODateTime, { description: 'When it happened.' })
  @Column({ type: Date })
  at!: Date;

  @BeforeInsert()
  protected assignDefaults(): void {
    this.id ??= randomUUID();
    this.at ??= new Date();
  }
}
