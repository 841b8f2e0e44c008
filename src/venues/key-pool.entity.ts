// A key pool: one shared WiFi network per chosen location of a venue (existing networks,
// WPA2 or WPA2/WPA3 personal), whose devices carry the pool's personal keys in wpa_psks.

import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimestampedRecord } from '../database/timestamped-record';

@ObjectType({ description: 'A pool of personal WiFi keys on a shared network of a venue.' })
@Entity('key_pools')
export class KeyPool extends TimestampedRecord {
  @Field(() => ID, { description: 'The venue.' })
  @Column({ name: 'venue_id', type: 'varchar', length: 36 })
  venueId!: string;

  @Field(() => ID, { description: 'The group of the venue.' })
  @Column({ name: 'group_id', type: 'varchar', length: 36 })
  groupId!: string;

  @Field({ description: 'The pool\'s name.' })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field({ description: 'Whether the pool\'s keys are kept apart: each key\'s clients reach each other and the uplink, never the clients of another key on the same node.' })
  @Column({ name: 'isolate_keys', type: 'boolean', default: false })
  isolateKeys!: boolean;

  @Field(() => Int, { nullable: true, description: 'How many live guest keys one resident may have in the pool at a time; null: the default (3).' })
  @Column({ name: 'guest_key_limit', type: 'integer', nullable: true })
  guestKeyLimit!: number | null;

  /** The highest key slot ever given in the pool; slots are never reused. */
  @Column({ name: 'highest_slot', type: 'integer', default: 0 })
  highestSlot!: number;
}

@ObjectType({ description: 'A network of a key pool: where the pool is deployed.' })
@Entity('key_pool_networks')
export class KeyPoolNetwork {
  @Field(() => ID, { description: 'The WiFi network (one location\'s).' })
  @PrimaryColumn({ name: 'network_id', type: 'varchar', length: 36 })
  networkId!: string;

  @Field(() => ID, { description: 'The key pool.' })
  @Column({ name: 'pool_id', type: 'varchar', length: 36 })
  poolId!: string;

  @Field(() => ID, { description: 'The location of the network.' })
  @Column({ name: 'location_id', type: 'varchar', length: 36 })
  locationId!: string;
}
