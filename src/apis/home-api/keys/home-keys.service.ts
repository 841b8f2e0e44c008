// The wire's keys (HOME_API_NUMERIC_KEYS). Off: our ids (UUIDs) are the keys. On: every
// subscriber_key, site_key, modem_key, login_key and computer_key answered is a number (given on first use,
// kept for good), and a number sent is read back to the id; an id is still accepted, so
// clients given ids before the switch keep working. Numbers are global; the transactions
// scope the object to the MSO's group as they do any id.

import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { isUniqueViolation } from '../../../database/database-errors';
import { TransactionRunner } from '../../../database/transaction-runner';
import { HomeKey, HomeKeyKind } from './home-key.entity';

const NUMBER = /^\d{1,12}$/;
/** The sequence is a 32-bit integer column on both databases: a larger number names nothing. */
const MAX_NUMBER = 2_147_483_647;
/** The wire's key fields and the kind of object each names. */
export const KEY_FIELDS: Readonly<Record<string, HomeKeyKind>> = { subscriber_key: 'subscriber', site_key: 'site', modem_key: 'modem', login_key: 'login', computer_key: 'computer' };

@Injectable()
export class HomeKeys {
  readonly numeric: boolean;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
  ) {
    this.numeric = config.homeApi?.numericKeys ?? false;
  }

  /** The key to answer for an object: its number (given now if it has none), or its id. */
  async out(kind: HomeKeyKind, objectId: string): Promise<string> {
    if (!this.numeric) return objectId;
    const found = await this.dataSource.manager.findOneBy(HomeKey, { kind, objectId });
    if (found !== null) return String(found.number);
    try {
      // Through the runner: on SQLite a write beside it could land in another request's transaction.
      const saved = await this.tx.run((manager) => manager.save(HomeKey, manager.create(HomeKey, { kind, objectId })));
      return String(saved.number);
    } catch (error) {
      // Another transaction numbered the same object first.
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.dataSource.manager.findOneByOrFail(HomeKey, { kind, objectId });
      return String(winner.number);
    }
  }

  /** The id a key sent names: a number read back (unknown numbers stay as sent, so the transaction answers its bad-key error), anything else as is. */
  async in(kind: HomeKeyKind, value: string): Promise<string> {
    if (!this.numeric || !NUMBER.test(value) || Number(value) > MAX_NUMBER) return value;
    const found = await this.dataSource.manager.findOneBy(HomeKey, { kind, number: Number(value) });
    return found?.objectId ?? value;
  }
}
