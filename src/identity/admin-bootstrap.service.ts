// The first platform admin comes from ADMIN_EMAIL/ADMIN_PASSWORD at start-up, created only
// when no user has that email (a changed password in the environment changes nothing).

import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Role } from '../common/auth/principal';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { isUniqueViolation } from '../database/database-errors';
import { hashPassword } from './password-hasher';
import { normalizeEmail, User } from './user.entity';

@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrapService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    if (adminEmail === undefined || adminPassword === undefined) {
      if ((await this.users.count({ take: 1 })) === 0) {
        this.logger.warn('no user exists yet: set ADMIN_EMAIL and ADMIN_PASSWORD (at least 12 characters) and restart to create the first platform admin');
      }
      return;
    }
    const email = normalizeEmail(adminEmail);
    if (await this.users.exists({ where: { email } })) return;
    try {
      const passwordHash = await hashPassword(adminPassword);
      await this.users.save(this.users.create({ email, passwordHash, role: Role.PLATFORM_ADMIN, groups: [] }));
      this.logger.log(`created platform admin ${email}`);
    } catch (error) {
      // Another instance starting at the same moment created it first.
      if (!isUniqueViolation(error)) throw error;
    }
  }
}
