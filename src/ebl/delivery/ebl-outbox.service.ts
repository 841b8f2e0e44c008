// The outbox side of notifications: a discovery becomes a delivery row (the body as it will
// be sent), in the transaction that also removes the delete_on_match registrations it
// consumed; the worker is woken. Deliveries are listed with their attempts for the
// provider (REST) and the operator (GraphQL).

import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, FindOptionsWhere, In, LessThan, Not, IsNull } from 'typeorm';
import { TransactionRunner } from '../../database/transaction-runner';
import { Location } from '../../locations/location.entity';
import { EBL_CONFIG, EblConfig } from '../ebl-config';
import { EblProvidersService } from '../providers/ebl-providers.service';
import { DeliveryStatus, EblDeliveryAttemptRow, EblDeliveryRow } from '../store/ebl-delivery.entities';
import { EblProviderRow } from '../store/ebl-provider.entity';
import { EblMacRow } from '../store/ebl-registration.entities';

export interface Discovery {
  providerId: string;
  locationId: string;
  /** Canonical MAC. */
  mac: string;
  /** The client's complete vendor class; "" when unknown. */
  vendorId: string;
  at: Date;
  /** delete_on_match registrations this notification uses up. */
  consumedMacIds: string[];
}

/** The notification body, as the spec writes it (POST /ebl/notification). */
export interface NotificationBody {
  mac: string;
  accessID: string;
  vendorID: string;
  timestamp: string;
}

export interface DeliveryWithAttempts {
  delivery: EblDeliveryRow;
  attempts: EblDeliveryAttemptRow[];
}

export const MAX_LISTED_DELIVERIES = 500;

@Injectable()
export class EblOutboxService {
  private readonly wakers: (() => void)[] = [];

  constructor(
    @Inject(EBL_CONFIG) private readonly config: EblConfig,
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly providers: EblProvidersService,
  ) {}

  /** The worker registers here to send at once what was queued. */
  onQueued(waker: () => void): void {
    this.wakers.push(waker);
  }

  /**
   * Queues the notification of a discovery. Returns null, queuing nothing, when the
   * delete_on_match registrations it would use up are already gone: another instance
   * matched the same client at the same moment, and the one whose delete removed them sends
   * the notification (PostgreSQL holds the second delete until the first commits).
   */
  async enqueue(d: Discovery): Promise<EblDeliveryRow | null> {
    const provider = this.providers.get(d.providerId);
    if (provider === undefined) throw new Error(`provider ${d.providerId} was removed`);
    if (!(await this.dataSource.manager.existsBy(EblProviderRow, { apiClientId: d.providerId }))) {
      this.providers.forget(d.providerId);
      throw new Error(`provider ${d.providerId} is gone (its API client was deleted)`);
    }
    const location = await this.dataSource.manager.findOne(Location, { select: { id: true, serviceId: true }, where: { id: d.locationId } });
    if (location === null) throw new Error(`location ${d.locationId} no longer exists`);
    const accessId = provider.accessIdSource === 'SERVICE_ID' && location.serviceId ? location.serviceId : location.id;
    const body: NotificationBody = { mac: d.mac, accessID: accessId, vendorID: d.vendorId, timestamp: d.at.toISOString() };
    const now = new Date();
    const row: EblDeliveryRow = {
      id: randomUUID(),
      providerId: d.providerId,
      locationId: d.locationId,
      mac: d.mac,
      accessId,
      vendorId: d.vendorId,
      body: JSON.stringify(body),
      status: 'PENDING',
      attempts: 0,
      nextAttemptAt: now,
      expiresAt: new Date(now.getTime() + this.config.retryPeriodMs),
      lastError: null,
      createdAt: now,
      finishedAt: null,
    };
    const queued = await this.transactions.run(async (m) => {
      if (d.consumedMacIds.length > 0) {
        const removed = await m.delete(EblMacRow, { id: In(d.consumedMacIds) });
        if (removed.affected === 0) return false;
      }
      await m.insert(EblDeliveryRow, row);
      return true;
    });
    if (!queued) return null;
    for (const wake of this.wakers) wake();
    return row;
  }

  /** A provider's deliveries, newest first, with their attempts. */
  async list(providerId: string, status: DeliveryStatus | null, limit: number): Promise<DeliveryWithAttempts[]> {
    const where: FindOptionsWhere<EblDeliveryRow> = status === null ? { providerId } : { providerId, status };
    const deliveries = await this.dataSource.manager.find(EblDeliveryRow, { where, order: { createdAt: 'DESC', id: 'ASC' }, take: Math.min(limit, MAX_LISTED_DELIVERIES) });
    const attempts = deliveries.length === 0 ? [] : await this.dataSource.manager.find(EblDeliveryAttemptRow, { where: { deliveryId: In(deliveries.map((d) => d.id)) }, order: { number: 'ASC' } });
    const byDelivery = new Map<string, EblDeliveryAttemptRow[]>();
    for (const a of attempts) byDelivery.set(a.deliveryId, [...(byDelivery.get(a.deliveryId) ?? []), a]);
    return deliveries.map((delivery) => ({ delivery, attempts: byDelivery.get(delivery.id) ?? [] }));
  }

  /** Removes finished deliveries older than the retention; returns how many. */
  async deleteFinishedBefore(cutoff: Date): Promise<number> {
    const old = await this.dataSource.manager.find(EblDeliveryRow, { select: { id: true }, where: { finishedAt: LessThan(cutoff), status: Not('PENDING') }, take: 1000 });
    if (old.length === 0) return 0;
    await this.dataSource.manager.delete(EblDeliveryRow, { id: In(old.map((o) => o.id)), finishedAt: Not(IsNull()) });
    return old.length;
  }
}
