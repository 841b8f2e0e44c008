// A group is the unit of tenancy: every customer belongs to one, users are members of some.

import { BeforeInsert, Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';

@ObjectType()
@Entity('groups')
export class Group {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Field()
  @Column({ type: 'varchar', length: 100, unique: true })
  name!: string;

  @Field()
  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @BeforeInsert()
  protected assignDefaults(): void {
    this.id ??= randomUUID();
    this.createdAt ??= new Date();
  }
}
