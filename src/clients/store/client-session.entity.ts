// One association of a client: from connect to disconnect on one node and VIF. Kept for
// CLIENT_SESSION_RETENTION_DAYS after it ends; an open session has no end.

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType()
@Entity('client_sessions')
export class ClientSession {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'location_id', type: 'varchar', length: 36 })
  locationId!: string;

  @Field()
  @Column({ type: 'varchar', length: 17 })
  mac!: string;

  @Field(() => ID)
  @Column({ name: 'node_id', type: 'varchar', length: 36 })
  nodeId!: string;

  @Field(() => String)
  @Column({ name: 'if_name', type: 'varchar', length: 16 })
  ifName!: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'network_id', type: 'varchar', length: 36, nullable: true })
  networkId!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 8, nullable: true })
  band!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'key_id', type: 'varchar', length: 31, nullable: true })
  keyId!: string | null;

  @Field(() => Date)
  @Column({ name: 'started_at', type: Date })
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'ended_at', type: Date, nullable: true })
  endedAt!: Date | null;
}
