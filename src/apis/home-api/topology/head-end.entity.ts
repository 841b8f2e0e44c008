// A head end of a group's network topology, with its OE nodes (Attachment G), as imported
// from the operator's node combine plan file. SITE transactions are checked against it.

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, Entity, PrimaryColumn } from 'typeorm';
import { OeNode } from './oe-node.entity';

@ObjectType('HomeApiHeadEnd', { description: 'A head end of the operator\'s network topology (node combine plan, @Home API 2.0 Attachment G).' })
@Entity('home_api_head_ends')
export class HeadEnd {
  @Field(() => ID, { description: 'The head end\'s id (removeHomeApiHeadEnd takes it).' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Field(() => ID, { description: 'The group whose SITE transactions are checked against it.' })
  @Column({ name: 'group_id', type: 'varchar', length: 36 })
  groupId!: string;

  @Field({ description: 'The head end name a SITE transaction carries as head_end (upper case).' })
  @Column({ name: 'head_end', type: 'varchar', length: 32 })
  headEnd!: string;

  @Field({ description: 'The cable operator named on the file\'s first line.' })
  @Column({ name: 'cable_operator', type: 'varchar', length: 130 })
  cableOperator!: string;

  @Field({ description: 'The regional data center named on the file\'s first line.' })
  @Column({ type: 'varchar', length: 64 })
  rdc!: string;

  @Field({ description: 'The warehouse named on the file\'s first line.' })
  @Column({ type: 'varchar', length: 64 })
  warehouse!: string;

  @Field({ description: 'When this head end\'s plan was last imported.' })
  @Column({ name: 'imported_at', type: Date })
  importedAt!: Date;

  /** Loaded by the topology service (not a column). */
  @Field(() => [OeNode], { description: 'Its OE nodes by laser group and node name.' })
  oeNodes?: OeNode[];

  @BeforeInsert()
  protected assignDefaults(): void {
    this.id ??= randomUUID();
    this.importedAt ??= new Date();
  }
}
