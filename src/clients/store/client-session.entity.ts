// One association of a client: from connect to disconnect on one node and VIF. Kept for
// CLIENT_SESSION_RETENTION_DAYS after it ends; an open session has no end.

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType({ description: 'One association of a client, from connect to disconnect on one node and VIF.' })
@Entity('client_sessions')
export class ClientSession {
  @Field(() => ID, { description: 'Identifier of the session.' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'location_id', type: 'varchar', length: 36 })
  locationId!: string;

  @Field({ description: 'Lower-case colon-separated MAC address of the client.' })
  @Column({ type: 'varchar', length: 17 })
  mac!: string;

  @Field(() => ID, { description: 'The node the client was associated to.' })
  @Column({ name: 'node_id', type: 'varchar', length: 36 })
  nodeId!: string;

  @Field(() => String, { description: 'The VIF (if_name) on that node.' })
  @Column({ name: 'if_name', type: 'varchar', length: 16 })
  ifName!: string;

  @Field(() => ID, { nullable: true, description: 'The WiFi network of that VIF; null when it is not one of the controller\'s.' })
  @Column({ name: 'network_id', type: 'varchar', length: 36, nullable: true })
  networkId!: string | null;

  @Field(() => String, { nullable: true, description: 'Radio band: 2.4G, 5G, 5GL, 5GU or 6G.' })
  @Column({ type: 'varchar', length: 8, nullable: true })
  band!: string | null;

  @Field(() => String, { nullable: true, description: 'The multi-PSK key id the client used.' })
  @Column({ name: 'key_id', type: 'varchar', length: 31, nullable: true })
  keyId!: string | null;

  @Field(() => Date, { description: 'When the client associated.' })
  @Column({ name: 'started_at', type: Date })
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the client left, reconnected elsewhere or the controller restarted; null while the session is open.' })
  @Column({ name: 'ended_at', type: Date, nullable: true })
  endedAt!: Date | null;
}
