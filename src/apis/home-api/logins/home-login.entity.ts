// A login given through the gateway's LOGIN transactions (6.4.15 to 6.4.20). Its id is the
// login_key the MSO stores. The active login of a subscriber is the customer's sign-in
// (email `<login>@<domain>` and password, held by the customer); the row keeps what the
// customer has no place for: the MSO's key, the login's own names, and a deleted login's
// aging (4.3.3: forwarded, then held in reserve), which RECREATE and reuse are checked against.

import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, Entity, PrimaryColumn } from 'typeorm';

export enum HomeLoginStatus {
  ACTIVE = 'ACTIVE',
  DELETED = 'DELETED',
}

@Entity('home_api_logins')
export class HomeLogin {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'group_id', type: 'varchar', length: 36 })
  groupId!: string;

  @Column({ name: 'customer_id', type: 'varchar', length: 36 })
  customerId!: string;

  /** Lower case, A-Z and 0-9 only (Attachment A). */
  @Column({ type: 'varchar', length: 32 })
  login!: string;

  @Column({ name: 'first_name', type: 'varchar', length: 32 })
  firstName!: string;

  @Column({ name: 'last_name', type: 'varchar', length: 32 })
  lastName!: string;

  @Column({ name: 'mso_login_key', type: 'varchar', length: 32, nullable: true })
  msoLoginKey!: string | null;

  @Column({ type: 'varchar', length: 8 })
  status!: HomeLoginStatus;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'deleted_at', type: Date, nullable: true })
  deletedAt!: Date | null;

  /** A deleted login: RECREATE restores it to its subscriber until then (email_forward_disc_date). */
  @Column({ name: 'forward_until', type: Date, nullable: true })
  forwardUntil!: Date | null;

  @Column({ name: 'email_forward', type: 'varchar', length: 128, nullable: true })
  emailForward!: string | null;

  @BeforeInsert()
  protected assignDefaults(): void {
    this.id ??= randomUUID();
    this.createdAt ??= new Date();
    this.msoLoginKey ??= null;
    this.deletedAt ??= null;
    this.forwardUntil ??= null;
    this.emailForward ??= null;
  }
}
