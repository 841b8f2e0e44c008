// A batch of scratch cards (VAULT's pre-printed guest keys): N single-use keys of a pool,
// without a unit, each valid for `validForMinutes` from its first use.

import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TimestampedRecord } from '../database/timestamped-record';

@ObjectType({ description: 'A batch of scratch cards: single-use guest keys of a pool, each valid for a while from its first use.' })
@Entity('scratch_card_batches')
export class ScratchCardBatch extends TimestampedRecord {
  @Column({ name: 'pool_id', type: 'varchar', length: 36 })
  poolId!: string;

  @Column({ name: 'group_id', type: 'varchar', length: 36 })
  groupId!: string;

  @Field({ description: 'The batch\'s name (as printed).' })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field(() => Int, { description: 'How long a card works from its first use, in minutes.' })
  @Column({ name: 'valid_for_minutes', type: 'integer' })
  validForMinutes!: number;

  @Field(() => Date, { nullable: true, description: 'When the batch was invalidated (every card revoked).' })
  @Column({ name: 'invalidated_at', type: Date, nullable: true })
  invalidatedAt!: Date | null;
}
