// A group is the unit of tenancy: every customer belongs to one, users are members of some.

import { BeforeInsert, Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';

@ObjectType({ description: 'A tenant (an ISP or a part of one): customers belong to one group, users to some.' })
@Entity('groups')
export class Group {
  @Field(() => ID, { description: 'Unique id (UUID).' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Field({ description: 'Unique name.' })
  @Column({ type: 'varchar', length: 100, unique: true })
  name!: string;

  @Field({ description: 'When the group was created.' })
  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @BeforeInsert()
  protected assignDefaults(): void {
    this.id ??= randomUUID();
    this.createdAt ??= new Date();
  }
}
