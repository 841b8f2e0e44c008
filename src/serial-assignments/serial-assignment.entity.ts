// Which unclaimed serials a group may see (security review, finding 9): an exact serial
// (from an import of a shipment) or a serial prefix (a range the group buys). Platform
// admins manage them and see every unclaimed serial; see docs/decisions/authorization.md.

import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, Entity, PrimaryColumn } from 'typeorm';

export enum SerialAssignmentKind {
  SERIAL = 'SERIAL',
  PREFIX = 'PREFIX',
}

registerEnumType(SerialAssignmentKind, { name: 'SerialAssignmentKind', description: 'An exact serial, or every serial starting with the value.' });

@ObjectType({ description: 'An unclaimed serial, or a serial prefix, that a group may see in unclaimedNodes.' })
@Entity('serial_assignments')
export class SerialAssignment {
  @Field(() => ID, { description: 'The assignment\'s id (removeSerialAssignment takes it).' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Field(() => ID, { description: 'The group that sees the matching unclaimed nodes.' })
  @Column({ name: 'group_id', type: 'varchar', length: 36 })
  groupId!: string;

  @Field(() => SerialAssignmentKind, { description: 'Whether value is an exact serial or a prefix.' })
  @Column({ type: 'varchar', length: 16 })
  kind!: SerialAssignmentKind;

  @Field({ description: 'The serial or prefix, in the canonical form (trimmed, upper case).' })
  @Column({ type: 'varchar', length: 64 })
  value!: string;

  @Field({ description: 'When the assignment was made.' })
  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @BeforeInsert()
  protected assignDefaults(): void {
    this.id ??= randomUUID();
    this.createdAt ??= new Date();
  }
}
