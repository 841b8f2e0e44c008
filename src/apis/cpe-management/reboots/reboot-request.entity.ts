// A reboot request of the CPE Management API (its id is the REBOOT operation's id).

import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('cpe_reboot_requests')
export class CpeRebootRequest {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'api_client_id', type: 'varchar', length: 36 })
  apiClientId!: string;

  @Column({ name: 'group_id', type: 'varchar', length: 36 })
  groupId!: string;

  @Column({ name: 'customer_id', type: 'varchar', length: 36, nullable: true })
  customerId!: string | null;

  @Column({ name: 'device_ids', type: 'simple-json' })
  deviceIds!: string[];

  @Column({ type: 'varchar', length: 255, nullable: true })
  message!: string | null;

  @Column({ name: 'at_time', type: Date, nullable: true })
  atTime!: Date | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'modified_at', type: Date })
  modifiedAt!: Date;
}
