// A modem created with net_class V2 (6.4.8): stored for its site, not claimed, so nothing
// reaches a device until CONVERT MODEM claims it. Its id is the modem_key the MSO was given;
// after the conversion the row stays as that key's link to the claimed node (6.4.10 returns
// no new key), until the site goes.

import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('home_api_pending_modems')
export class PendingModem {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'group_id', type: 'varchar', length: 36 })
  groupId!: string;

  @Column({ name: 'location_id', type: 'varchar', length: 36 })
  locationId!: string;

  @Column({ name: 'serial_number', type: 'varchar', length: 64 })
  serialNumber!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  model!: string | null;

  @Column({ name: 'mac_address', type: 'varchar', length: 17, nullable: true })
  macAddress!: string | null;

  @Column({ name: 'mso_modem_key', type: 'varchar', length: 32, nullable: true })
  msoModemKey!: string | null;

  /** The claimed node once converted; null while pre-provisioned. */
  @Column({ name: 'node_id', type: 'varchar', length: 36, nullable: true })
  nodeId!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'converted_at', type: Date, nullable: true })
  convertedAt!: Date | null;

  @BeforeInsert()
  protected assignDefaults(): void {
    this.id ??= randomUUID();
    this.createdAt ??= new Date();
    this.nodeId ??= null;
    this.convertedAt ??= null;
  }
}
