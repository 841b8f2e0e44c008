// A personal WiFi key of a subscriber in a key pool. The passphrase has no plain @Field:
// the resolver gives it to group writers only. `slot` names the key on the devices (key-N)
// for as long as it lives.

import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TimestampedRecord } from '../database/timestamped-record';

/** Stored states; EXPIRED is derived from validUntil (a key ends without anyone acting). */
export enum PersonalKeyStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
}

export enum PersonalKeyState {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(PersonalKeyState, {
  name: 'PersonalKeyState',
  description: 'ACTIVE: on the devices inside its window. SUSPENDED: off until resumed. EXPIRED: its window ended. REVOKED: ended for good.',
});

@ObjectType({ description: 'A personal WiFi key of a subscriber in a key pool.' })
@Entity('personal_keys')
export class PersonalKey extends TimestampedRecord {
  @Field(() => ID, { description: 'The key pool.' })
  @Column({ name: 'pool_id', type: 'varchar', length: 36 })
  poolId!: string;

  @Field(() => ID, { description: 'The group of the pool.' })
  @Column({ name: 'group_id', type: 'varchar', length: 36 })
  groupId!: string;

  @Field(() => ID, { description: 'The subscriber (customer) the key belongs to.' })
  @Column({ name: 'customer_id', type: 'varchar', length: 36 })
  customerId!: string;

  @Field(() => ID, { nullable: true, description: 'The unit the key opens (with the common areas); null: every location of the pool.' })
  @Column({ name: 'unit_id', type: 'varchar', length: 36, nullable: true })
  unitId!: string | null;

  @Field(() => Int, { description: 'The key\'s slot in its pool; its name on the devices is key-<slot>. Kept while the key lives.' })
  @Column({ type: 'integer' })
  slot!: number;

  @Column({ type: 'varchar', length: 63 })
  passphrase!: string;

  @Field(() => Date, { nullable: true, description: 'When the key starts working; null: at once.' })
  @Column({ name: 'valid_from', type: Date, nullable: true })
  validFrom!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the key stops working (exclusive); null: never.' })
  @Column({ name: 'valid_until', type: Date, nullable: true })
  validUntil!: Date | null;

  @Column({ type: 'varchar', length: 16 })
  status!: PersonalKeyStatus;

  @Field(() => Date, { nullable: true, description: 'When the passphrase was last rotated.' })
  @Column({ name: 'rotated_at', type: Date, nullable: true })
  rotatedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the key was revoked.' })
  @Column({ name: 'revoked_at', type: Date, nullable: true })
  revokedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The scratch-card batch of a guest key; null for a personal key.' })
  @Column({ name: 'batch_id', type: 'varchar', length: 36, nullable: true })
  batchId!: string | null;

  @Field(() => Date, { nullable: true, description: 'When a scratch card was first used (its validity runs from then).' })
  @Column({ name: 'first_used_at', type: Date, nullable: true })
  firstUsedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'A resident\'s guest key: the resident\'s key it was made from; null otherwise.' })
  @Column({ name: 'guest_of_key_id', type: 'varchar', length: 36, nullable: true })
  guestOfKeyId!: string | null;
}
