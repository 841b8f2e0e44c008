// A numeric key the gateway gave one of its objects (HOME_API_NUMERIC_KEYS): Attachment A
// types subscriber_key, site_key, modem_key, login_key and computer_key NUMBER(12). Numbers come from one
// sequence, are never reused, and an object keeps its number.

import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type HomeKeyKind = 'subscriber' | 'site' | 'modem' | 'login' | 'computer';

@Entity('home_api_keys')
export class HomeKey {
  @PrimaryGeneratedColumn('increment')
  number!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: HomeKeyKind;

  /** The customer, location, node or pre-provisioned modem, gateway login or computer. */
  @Column({ name: 'object_id', type: 'varchar', length: 36 })
  objectId!: string;
}
