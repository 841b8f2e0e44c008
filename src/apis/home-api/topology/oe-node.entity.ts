// An OE node of a head end (Attachment G, lines 2-n of the node combine plan): a SITE's
// oe_node must be one of its head end's.

import { Field, ObjectType } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType('HomeApiOeNode', { description: 'An optical-electrical node of a head end, in one laser group.' })
@Entity('home_api_oe_nodes')
export class OeNode {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'head_end_id', type: 'varchar', length: 36 })
  headEndId!: string;

  @Field({ description: 'The laser group the node is in.' })
  @Column({ name: 'laser_group', type: 'varchar', length: 64 })
  laserGroup!: string;

  @Field({ description: 'The node name a SITE transaction carries as oe_node (upper case).' })
  @Column({ name: 'oe_node', type: 'varchar', length: 32 })
  oeNode!: string;

  @Field({ description: 'The IP pool the file names for the node (stored, not used: the gateway assigns no addresses).' })
  @Column({ name: 'ip_pool', type: 'varchar', length: 64 })
  ipPool!: string;

  @BeforeInsert()
  protected assignDefaults(): void {
    this.id ??= randomUUID();
  }
}
