// The customers list's filter and scope (pages: common/pagination/keyset-page.ts, on (name, id)).

import { Brackets, SelectQueryBuilder } from 'typeorm';
import { isPlatformAdmin, Principal } from '../common/auth/principal';
import { Customer } from './customer.entity';
import { CustomersFilter } from './dto/customers-filter.input';

/** LIKE wildcards in the search text match themselves. */
export function likePattern(search: string): string {
  return `%${search.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function applyCustomersFilter(qb: SelectQueryBuilder<Customer>, principal: Principal, filter: CustomersFilter | undefined): void {
  if (!isPlatformAdmin(principal)) qb.andWhere('c.groupId IN (:...scope)', { scope: principal.groupIds });
  if (filter?.groupId !== undefined && filter.groupId !== null) qb.andWhere('c.groupId = :groupId', { groupId: filter.groupId });
  if (filter?.status !== undefined && filter.status !== null) qb.andWhere('c.status = :status', { status: filter.status });
  if (filter?.search !== undefined && filter.search !== null && filter.search.trim() !== '') {
    const pattern = likePattern(filter.search);
    qb.andWhere(
      new Brackets((w) =>
        w
          .where("LOWER(c.name) LIKE :pattern ESCAPE '\\'", { pattern })
          .orWhere("c.emailKey LIKE :pattern ESCAPE '\\'", { pattern })
          .orWhere("LOWER(c.accountId) LIKE :pattern ESCAPE '\\'", { pattern }),
      ),
    );
  }
}
