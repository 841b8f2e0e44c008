// The small number a WiFi network carries in its VIF names on devices (ctl<slot>-ap-<band>).
// Kept in a table of its own so the provisioning model stays free of device naming; the
// row goes with its network (ON DELETE CASCADE), which frees the slot.

import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('vif_slots')
export class VifSlot {
  @PrimaryColumn({ name: 'network_id', type: 'varchar', length: 36 })
  networkId!: string;

  @Column({ name: 'location_id', type: 'varchar', length: 36 })
  locationId!: string;

  @Column({ type: 'integer' })
  slot!: number;
}
