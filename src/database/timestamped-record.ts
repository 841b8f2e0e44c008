// The identity and timestamps every provisioning record carries: a uuid assigned in the
// process (portable to SQLite and PostgreSQL, see docs/decisions/persistence.md) and
// created/updated times. Services set `updatedAt` themselves on update.

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, PrimaryColumn } from 'typeorm';

@ObjectType({ isAbstract: true })
export abstract class TimestampedRecord {
  @Field(() => ID, { description: 'Unique id (UUID).' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Field({ description: 'When it was created.' })
  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Field({ description: 'When it last changed.' })
  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;

  @BeforeInsert()
  protected assignDefaults(): void {
    this.id ??= randomUUID();
    this.createdAt ??= new Date();
    this.updatedAt ??= this.createdAt;
  }
}
