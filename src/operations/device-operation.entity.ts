// A device operation: one request (kind, targets, optional start time) from one principal,
// run as a durable job. Its nodes are DeviceOperationTarget rows.

import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TimestampedRecord } from '../database/timestamped-record';
import { OperationKind, OperationState } from './operation-states';

/** Kind-specific settings, stored as JSON. */
export interface OperationParams {
  /** Seconds the device waits before rebooting (upgrade_timer). */
  rebootDelaySeconds?: number;
  /** FIRMWARE_UPGRADE: the version and, per model, the catalogue image. */
  firmwareVersion?: string;
  images?: Record<string, { url: string; md5: string | null; sha256: string | null }>;
  /** FIRMWARE_UPGRADE: stop the rollout when more than this share of a wave fails. */
  canaryFailurePercent?: number;
  /** CLIENT_KICK: the client (canonical MAC) and how long it stays blocked on each node. */
  mac?: string;
  blockForSeconds?: number;
}

@ObjectType('DeviceOperation', { description: 'A reboot, firmware upgrade, log pull or client kick on nodes, run as a durable job and followed per node.' })
@Entity('device_operations')
export class DeviceOperation extends TimestampedRecord {
  @Field(() => OperationKind, { description: 'What the operation does to each node.' })
  @Column({ type: 'varchar', length: 32 })
  kind!: OperationKind;

  @Field(() => OperationState, { description: 'Where the operation as a whole is (SCHEDULED, RUNNING, PAUSED or a final state).' })
  @Column({ type: 'varchar', length: 32 })
  state!: OperationState;

  @Field(() => ID, { description: 'The group all its nodes belong to.' })
  @Column({ name: 'group_id', type: 'varchar', length: 36 })
  groupId!: string;

  @Field(() => ID, { description: 'The user who created the operation.' })
  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy!: string;

  @Field({ description: "The creator's email, recorded at creation." })
  @Column({ name: 'created_by_email', type: 'varchar', length: 254 })
  createdByEmail!: string;

  @Field(() => Date, { nullable: true, description: 'When the operation starts; null: at once.' })
  @Column({ name: 'start_at', type: Date, nullable: true })
  startAt!: Date | null;

  @Field(() => Int, { description: 'At most this many nodes in flight at a time.' })
  @Column({ name: 'wave_size', type: 'integer' })
  waveSize!: number;

  @Field(() => Int, { description: 'How many nodes the operation covers, fixed at creation.' })
  @Column({ name: 'target_count', type: 'integer' })
  targetCount!: number;

  @Column({ type: 'simple-json' })
  params!: OperationParams;

  @Field(() => Date, { nullable: true, description: 'When its last node reached a final state (the operation COMPLETED, CANCELLED or STOPPED); null before.' })
  @Column({ name: 'finished_at', type: Date, nullable: true })
  finishedAt!: Date | null;
}
