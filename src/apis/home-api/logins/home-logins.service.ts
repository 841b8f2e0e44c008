// The gateway's store of logins (LOGIN transactions): one row per login_key, audited like
// every change. A subscriber has at most one active row; deleted rows keep their name in
// aging (forwarding, then reserve). Passwords are never here: the customer holds its own.

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../../audit/audit.service';
import { Principal } from '../../../common/auth/principal';
import { TransactionRunner } from '../../../database/transaction-runner';
import { HomeLogin, HomeLoginStatus } from './home-login.entity';
import { defaultForwardUntil } from './login-names';

export interface NewLogin {
  groupId: string;
  customerId: string;
  login: string;
  firstName: string;
  lastName: string;
  msoLoginKey: string | null;
}

/** A row as it was, kept to put it back (restore). */
export type LoginSnapshot = Partial<HomeLogin> & Pick<HomeLogin, 'id' | 'groupId'>;

export interface Retirement {
  forwardUntil: Date;
  emailForward: string | null;
}

function summary(l: HomeLogin): Record<string, unknown> {
  return { login: l.login, firstName: l.firstName, lastName: l.lastName, msoLoginKey: l.msoLoginKey, status: l.status, customerId: l.customerId, forwardUntil: l.forwardUntil };
}

@Injectable()
export class HomeLogins {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** By login_key in any group: the caller tells another MSO's login apart (-20063). */
  byId(id: string): Promise<HomeLogin | null> {
    return this.dataSource.manager.findOneBy(HomeLogin, { id });
  }

  byMsoKey(groupId: string, msoKey: string): Promise<HomeLogin | null> {
    return this.dataSource.manager.findOneBy(HomeLogin, { groupId, msoLoginKey: msoKey });
  }

  activeOf(customerId: string): Promise<HomeLogin | null> {
    return this.dataSource.manager.findOneBy(HomeLogin, { customerId, status: HomeLoginStatus.ACTIVE });
  }

  /** Every row with this name, in any group, newest first. */
  named(login: string): Promise<HomeLogin[]> {
    return this.dataSource.manager.find(HomeLogin, { where: { login }, order: { createdAt: 'DESC' } });
  }

  ofCustomer(customerId: string): Promise<HomeLogin[]> {
    return this.dataSource.manager.findBy(HomeLogin, { customerId });
  }

  /**
   * A new active login; `retire` (CHANGE) is deleted in the same transaction and `succeeds`
   * (CHANGE, RECREATE) hands its mso_login_key on when the request brings none.
   */
  add(principal: Principal, fields: NewLogin, succeeds?: { row: HomeLogin; retire?: Retirement }): Promise<HomeLogin> {
    return this.tx.run(async (manager) => {
      let msoLoginKey = fields.msoLoginKey;
      if (succeeds !== undefined) {
        msoLoginKey ??= succeeds.row.msoLoginKey;
        if (succeeds.retire !== undefined) await this.retireIn(principal, manager, succeeds.row, succeeds.retire);
        if (succeeds.row.msoLoginKey !== null && succeeds.row.msoLoginKey === msoLoginKey) await manager.update(HomeLogin, { id: succeeds.row.id }, { msoLoginKey: null });
      }
      const saved = await manager.save(manager.create(HomeLogin, { ...fields, msoLoginKey, status: HomeLoginStatus.ACTIVE }));
      await this.audit.record(principal, manager, { action: 'home-api-login.create', objectType: 'home-api-login', objectId: saved.id, groupId: saved.groupId, after: summary(saved) });
      return saved;
    });
  }

  rename(principal: Principal, row: HomeLogin, names: { firstName?: string; lastName?: string }): Promise<void> {
    return this.tx.run(async (manager) => {
      const before = summary(row);
      Object.assign(row, names);
      await manager.save(row);
      await this.audit.record(principal, manager, { action: 'home-api-login.update', objectType: 'home-api-login', objectId: row.id, groupId: row.groupId, before, after: summary(row) });
    });
  }

  retire(principal: Principal, row: HomeLogin, retirement: Retirement): Promise<void> {
    return this.tx.run((manager) => this.retireIn(principal, manager, row, retirement));
  }

  /** SUBSCRIBER DELETE, SITE DELETE of the last site: the subscriber's login ages as after a DELETE LOGIN without forwarding fields (6.4.4). */
  async retireAllOf(principal: Principal, customerId: string): Promise<boolean> {
    const active = await this.activeOf(customerId);
    if (active !== null) await this.retire(principal, active, { forwardUntil: defaultForwardUntil(new Date()), emailForward: null });
    return active !== null;
  }

  /**
   * Puts rows back as they were before a transaction whose customer change failed
   * (the customer's own transaction cannot include these rows).
   */
  restore(principal: Principal, before: LoginSnapshot[], created: HomeLogin | undefined): Promise<void> {
    return this.tx.run(async (manager) => {
      if (created !== undefined) await manager.delete(HomeLogin, { id: created.id });
      for (const row of before) await manager.save(manager.create(HomeLogin, row));
      const subject = created ?? before[0];
      if (subject !== undefined) await this.audit.record(principal, manager, { action: 'home-api-login.restore', objectType: 'home-api-login', objectId: subject.id, groupId: subject.groupId });
    });
  }

  private async retireIn(principal: Principal, manager: EntityManager, row: HomeLogin, retirement: Retirement): Promise<void> {
    const before = summary(row);
    const deletedAt = new Date();
    await manager.update(HomeLogin, { id: row.id }, { status: HomeLoginStatus.DELETED, deletedAt, forwardUntil: retirement.forwardUntil, emailForward: retirement.emailForward });
    const after = { ...before, status: HomeLoginStatus.DELETED, forwardUntil: retirement.forwardUntil };
    await this.audit.record(principal, manager, { action: 'home-api-login.delete', objectType: 'home-api-login', objectId: row.id, groupId: row.groupId, before, after });
  }
}
