// One node of a device operation: its state, what was observed before commanding it (the
// boot marker), and its current deadline. The "about to send" fact is written before the
// command so a restarted controller observes the device instead of commanding it again.

import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, Entity, PrimaryColumn } from 'typeorm';
import { TargetState } from './operation-states';

/** What the executor recorded about the device before commanding it. */
export interface TargetAttempt {
  /** AWLAN_Node.boot_time before the command. */
  bootTime?: number;
  /** Highest Reboot_Status.count before the command. */
  rebootCount?: number;
  /** FIRMWARE_UPGRADE: the image URL for this node's model (set at creation). */
  imageUrl?: string;
  /** FIRMWARE_UPGRADE: when upgrade_status 31 was seen (the controller reboots after a grace). */
  committedAt?: number;
  /** FIRMWARE_UPGRADE: the controller's reboot after 31 was sent (never twice). */
  rebootSent?: boolean;
  /** LOG_PULL: size of the archive received, and when. */
  archiveBytes?: number;
  uploadedAt?: number;
  /** CLIENT_KICK: when the block on this node ends (epoch ms), and whether the client was associated here when it was sent. */
  blockedUntil?: number;
  clientWasConnected?: boolean;
}

@ObjectType('DeviceOperationTarget', { description: 'One node of a device operation: its state, failure and deadline.' })
@Entity('device_operation_targets')
export class DeviceOperationTarget {
  @Field(() => ID, { description: 'This target (one node within one operation).' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Field(() => ID, { description: 'The operation it belongs to.' })
  @Column({ name: 'operation_id', type: 'varchar', length: 36 })
  operationId!: string;

  @Field(() => Int, { description: 'Order in which nodes are started.' })
  @Column({ type: 'integer' })
  position!: number;

  @Field(() => ID, { description: 'The node.' })
  @Column({ name: 'node_id', type: 'varchar', length: 36 })
  nodeId!: string;

  @Field(() => String, { name: 'serial', description: "The node's serial (as Node.serial), recorded when the operation was created." })
  @Column({ name: 'serial_number', type: 'varchar', length: 64 })
  serialNumber!: string;

  @Field(() => ID, { nullable: true, description: "The node's location when the operation was created; null if it had none." })
  @Column({ name: 'location_id', type: 'varchar', length: 36, nullable: true })
  locationId!: string | null;

  @Field(() => TargetState, { description: 'Where this node is in the operation.' })
  @Column({ type: 'varchar', length: 32 })
  state!: TargetState;

  @Field(() => String, { nullable: true, description: 'Why the node FAILED (REBOOT_UNSUPPORTED, DEVICE_REFUSED, ...).' })
  @Column({ name: 'failure_code', type: 'varchar', length: 64, nullable: true })
  failureCode!: string | null;

  @Field(() => String, { nullable: true, description: 'What was last observed, in words.' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  detail!: string | null;

  @Column({ type: 'simple-json', nullable: true })
  attempt!: TargetAttempt | null;

  /** LOG_PULL: SHA-256 of the one-time upload token (the token itself is never stored). */
  @Column({ name: 'upload_token_hash', type: 'varchar', length: 64, nullable: true })
  uploadTokenHash!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the node times out in its current state.' })
  @Column({ name: 'deadline_at', type: Date, nullable: true })
  deadlineAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the node reached a final state (SUCCEEDED, FAILED, TIMED_OUT, CANCELLED); null before.' })
  @Column({ name: 'finished_at', type: Date, nullable: true })
  finishedAt!: Date | null;

  @Field({ description: 'When its state or detail last changed.' })
  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;

  @BeforeInsert()
  protected assignDefaults(): void {
    this.id ??= randomUUID();
    this.updatedAt ??= new Date();
  }
}
