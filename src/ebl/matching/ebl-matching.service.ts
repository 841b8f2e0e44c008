// Matching: every client association (ClientsService.events$) and DHCP lease (leases$) is
// looked up in the registration index (a Map lookup for the MAC; a Map and a trie walk for
// the vendor class), synchronously; only a hit costs more. For each provider with a hit,
// at a location it may be told about, and a new discovery (presence-tracker.ts), one
// notification goes to the outbox; a delete_on_match MAC leaves the index at once (exactly
// one notification) and the database in the outbox's transaction.
//
// In a cluster each instance has its own index and matches the clients of the devices it
// holds: registrations added or removed on one instance (a provider's /ebl call, a
// delete_on_match used up) are relayed (CacheInvalidations) and the others read those keys
// again. A relayed notice that never arrived is bounded: with the cluster on, the whole
// index is read again every INDEX_MAX_AGE_MS (a minute). Presence too is per instance in
// memory, the fast path; with the cluster on, what it calls a new discovery is confirmed
// against the presence all instances share (shared-presence.ts) before a notification is
// queued, and matched clients' sightings and leaves are written there. If that fails, the
// local decision stands (logged EBL_PRESENCE_UNAVAILABLE): a duplicate notification rather
// than a lost one.

import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource, In, LessThanOrEqual } from 'typeorm';
import { Subscription } from 'rxjs';
import { ClientEvent, LeaseEvent } from '../../clients/live/client-event';
import { ClientsService } from '../../clients/live/clients.service';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { CacheInvalidations } from '../../domain-events/cache-invalidations.service';
import { INDEX_MAX_AGE_MS } from '../../domain-events/domain-event';
import { EBL_CONFIG, EblConfig } from '../ebl-config';
import { EblOutboxService, Discovery } from '../delivery/ebl-outbox.service';
import { EblProvidersService } from '../providers/ebl-providers.service';
import { EblMacRow, EblVendorIdRow } from '../store/ebl-registration.entities';
import { PresenceTracker } from './presence-tracker';
import { Hit, IndexedMac, indexedMac, RegistrationIndex } from './registration-index';
import { PRESENCE_KEEP_ALIVE_MS, SharedPresence } from './shared-presence';

/** Expired registrations, old presence; in a cluster also the shared presence's keep-alive. */
const SWEEP_INTERVAL_MS = PRESENCE_KEEP_ALIVE_MS;
/** Logged when the shared presence cannot be read or written (the local decision stands). */
export const PRESENCE_UNAVAILABLE = 'EBL_PRESENCE_UNAVAILABLE';

export interface EblMatchingStats {
  events: number;
  hits: number;
  discoveries: number;
  /** Cluster: new discoveries of the local tracker, confirmed against the shared presence. */
  presenceChecks: { new: number; known: number; failed: number };
}

@Injectable()
export class EblMatchingService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Ebl');
  readonly index = new RegistrationIndex();
  private readonly presence: PresenceTracker;
  /** With the cluster on only. */
  private readonly shared: SharedPresence | undefined;
  private readonly subscriptions: Subscription[] = [];
  private sweepTimer: NodeJS.Timeout | undefined;
  private reloadTimer: NodeJS.Timeout | undefined;
  readonly stats: EblMatchingStats = { events: 0, hits: 0, discoveries: 0, presenceChecks: { new: 0, known: 0, failed: 0 } };

  constructor(
    @Inject(EBL_CONFIG) config: EblConfig,
    @Inject(APP_CONFIG) private readonly app: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clients: ClientsService,
    private readonly providers: EblProvidersService,
    private readonly outbox: EblOutboxService,
    private readonly invalidations: CacheInvalidations,
  ) {
    this.presence = new PresenceTracker(config.rediscoveryAfterMs);
    this.shared = app.cluster === undefined ? undefined : new SharedPresence(dataSource, config.rediscoveryAfterMs);
  }

  async onModuleInit(): Promise<void> {
    await this.reload();
    this.providers.onChange((change) => {
      if (change.removed) void this.reload().catch((error: unknown) => this.logger.warn(`could not reload registrations: ${String(error)}`));
    });
    this.subscriptions.push(this.clients.events$.subscribe((event) => this.onClient(event)));
    this.subscriptions.push(this.clients.leases$.subscribe((event) => this.onLease(event)));
    this.sweepTimer = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.sweepTimer.unref();
    this.subscriptions.push(
      this.invalidations.remote$.subscribe((i) => {
        if (i.cache !== 'ebl-registrations') return;
        void this.refresh(i.apiClientId, i.macs, i.vendorIds).catch((error: unknown) => this.logger.warn(`could not read registrations of provider ${i.apiClientId} again: ${String(error)}`));
      }),
    );
    if (this.app.cluster !== undefined) {
      this.reloadTimer = setInterval(() => void this.reload().catch((error: unknown) => this.logger.warn(`could not reload registrations: ${String(error)}`)), INDEX_MAX_AGE_MS);
      this.reloadTimer.unref();
    }
  }

  /** Registrations of a provider added or removed here (committed): the other instances are told. */
  registrationsChanged(providerId: string, macs: readonly string[], vendorIds: readonly string[]): void {
    if (macs.length > 0 || vendorIds.length > 0) this.invalidations.changed({ cache: 'ebl-registrations', apiClientId: providerId, macs: [...macs], vendorIds: [...vendorIds] });
  }

  /** Registrations of a provider changed on another instance: these keys read again. */
  async refresh(providerId: string, macs: readonly string[], vendorIds: readonly string[]): Promise<void> {
    const [macRows, vendorIdRows] = await Promise.all([
      macs.length === 0 ? [] : this.dataSource.manager.find(EblMacRow, { where: { providerId, mac: In([...macs]) } }),
      vendorIds.length === 0 ? [] : this.dataSource.manager.find(EblVendorIdRow, { where: { providerId, vendorId: In([...vendorIds]) } }),
    ]);
    for (const mac of macs) this.index.removeMac(providerId, mac);
    for (const vendorId of vendorIds) this.index.removeVendorId(providerId, vendorId);
    for (const r of macRows) this.index.putMac(indexedMac(r));
    for (const r of vendorIdRows) this.index.putVendorId({ id: r.id, providerId: r.providerId, vendorId: r.vendorId, matchType: r.matchType });
  }

  onModuleDestroy(): void {
    for (const s of this.subscriptions) s.unsubscribe();
    if (this.sweepTimer !== undefined) clearInterval(this.sweepTimer);
    if (this.reloadTimer !== undefined) clearInterval(this.reloadTimer);
  }

  /** Loads every registration into the index (start, and after a provider was removed). */
  async reload(): Promise<void> {
    const [macs, vendorIds] = await Promise.all([this.dataSource.manager.find(EblMacRow), this.dataSource.manager.find(EblVendorIdRow)]);
    this.index.clear();
    for (const r of macs) this.index.putMac(indexedMac(r));
    for (const r of vendorIds) this.index.putVendorId({ id: r.id, providerId: r.providerId, vendorId: r.vendorId, matchType: r.matchType });
  }

  /** Removes MAC registrations past valid_until (database and index) and forgets old presence (keeps the shared presence alive). */
  async sweep(now = new Date()): Promise<void> {
    this.presence.sweep(now.getTime());
    if (this.shared !== undefined) {
      await this.shared.sweep(now, this.presence.present()).catch((error: unknown) => this.logger.warn(`${PRESENCE_UNAVAILABLE}: could not keep the shared presence alive or remove old rows: ${String(error)}`));
    }
    try {
      const expired = await this.dataSource.manager.find(EblMacRow, { where: { validUntil: LessThanOrEqual(now) }, take: 1000 });
      for (const row of expired) this.index.removeMac(row.providerId, row.mac);
      if (expired.length > 0) await this.dataSource.manager.delete(EblMacRow, expired.map((r) => r.id));
    } catch (error) {
      this.logger.warn(`could not remove expired registrations: ${String(error)}`);
    }
  }

  private onClient(event: ClientEvent): void {
    this.stats.events++;
    if (event.locationId === null || event.groupId === null) return;
    if (event.kind === 'disconnected') {
      const tracked = this.presence.left(event.locationId, event.mac, event.nodeId, event.at.getTime());
      if (tracked && this.shared !== undefined) {
        this.shared.left(event.locationId, event.mac, event.nodeId, event.at).catch((error: unknown) => this.logger.warn(`[serial=${event.serial}] ${PRESENCE_UNAVAILABLE}: could not write a matched client's leave: ${String(error)}`));
      }
      return;
    }
    const vendorClass = this.clients.vendorClassOf(event.nodeId, event.mac);
    this.match(event.groupId, event.locationId, event.mac, vendorClass, event.nodeId, event.serial, event.at);
  }

  private onLease(event: LeaseEvent): void {
    this.stats.events++;
    if (event.locationId === null || event.groupId === null) return;
    this.match(event.groupId, event.locationId, event.mac, event.vendorClass, null, event.serial, event.at);
  }

  /** The synchronous part: index, scope, presence, delete_on_match claimed; then (cluster: the shared presence, then) the outbox. */
  match(groupId: string, locationId: string, mac: string, vendorClass: string | null, nodeId: string | null, serial: string, at: Date): void {
    const { hits, expired } = this.index.match(mac, vendorClass, at.getTime());
    if (expired.length > 0) this.deleteExpired(expired);
    if (hits.length === 0) return;
    this.stats.hits += hits.length;
    for (const [providerId, providerHits] of byProvider(hits)) {
      const provider = this.providers.get(providerId);
      if (provider === undefined || !this.providers.mayNotify(provider, groupId, locationId)) continue;
      const isNew = this.presence.sighted(providerId, locationId, mac, nodeId, at.getTime());
      if (this.shared === undefined) {
        if (isNew) this.enqueue({ providerId, locationId, mac, vendorId: vendorClass ?? '', at }, this.takeConsumed(providerId, providerHits), serial);
        continue;
      }
      this.confirm(this.shared, isNew, { providerId, locationId, mac, vendorId: vendorClass ?? '', at }, providerHits, nodeId, serial);
    }
  }

  /**
   * Cluster: the sighting written to the shared presence; a discovery new here is queued
   * only if it is new there too (or the shared presence could not say).
   */
  private confirm(shared: SharedPresence, isNew: boolean, d: Omit<Discovery, 'consumedMacIds'>, providerHits: readonly Hit[], nodeId: string | null, serial: string): void {
    const { providerId } = d;
    const sighting = shared.sighted(providerId, d.locationId, d.mac, nodeId, d.at);
    if (!isNew) {
      // Known here: written so that the other instances know of it.
      sighting.catch((error: unknown) => this.logger.warn(`[serial=${serial}] ${PRESENCE_UNAVAILABLE}: could not write a matched client's sighting: ${String(error)}`));
      return;
    }
    const consumed = this.takeConsumed(providerId, providerHits);
    void this.confirmed(sighting, consumed, providerId, serial).then((discovered) => {
      if (discovered) this.enqueue(d, consumed, serial);
    });
  }

  /** Whether the shared presence makes a sighting new here a discovery; counted once settled. */
  private async confirmed(sighting: Promise<boolean>, consumed: readonly IndexedMac[], providerId: string, serial: string): Promise<boolean> {
    let discovered: boolean;
    try {
      discovered = await sighting;
    } catch (error) {
      this.stats.presenceChecks.failed++;
      this.logger.warn(`[serial=${serial}] ${PRESENCE_UNAVAILABLE}: could not confirm a discovery for provider ${providerId} against the shared presence; notifying on this instance's view: ${String(error)}`);
      return true;
    }
    if (!discovered && consumed.length > 0) {
      // Present at the location through a node another instance holds: nothing is used up.
      // The registrations are read again (one removed meanwhile stays out).
      await this.refresh(providerId, consumed.map((c) => c.mac), []).catch((error: unknown) => this.logger.warn(`[serial=${serial}] provider ${providerId}: could not read its delete_on_match registrations again (the index is read again within a minute): ${String(error)}`));
    }
    this.stats.presenceChecks[discovered ? 'new' : 'known']++;
    return discovered;
  }

  /** The provider's delete_on_match MAC registrations among the hits, taken out of the index (one notification uses them up). */
  private takeConsumed(providerId: string, providerHits: readonly Hit[]): IndexedMac[] {
    const consumed: IndexedMac[] = [];
    for (const hit of providerHits) {
      if (hit.kind === 'mac' && hit.reg.deleteOnMatch) {
        this.index.removeMac(providerId, hit.reg.mac);
        consumed.push(hit.reg);
      }
    }
    return consumed;
  }

  private enqueue(d: Omit<Discovery, 'consumedMacIds'>, consumed: readonly IndexedMac[], serial: string): void {
    this.stats.discoveries++;
    const { providerId } = d;
    this.outbox
      .enqueue({ ...d, consumedMacIds: consumed.map((c) => c.id) })
      .then((queued) => {
        if (queued === null) this.logger.log(`[serial=${serial}] provider ${providerId}: a delete_on_match registration this client matched was used up by another instance, which notifies`);
        else this.registrationsChanged(providerId, consumed.map((c) => c.mac), []);
      })
      .catch((error: unknown) => {
        // Nothing was written: the consumed registrations stay registered, as in the database.
        for (const reg of consumed) this.index.putMac(reg);
        this.logger.warn(`[serial=${serial}] could not queue a notification for provider ${providerId}: ${String(error)}`);
      });
  }

  private deleteExpired(expired: readonly IndexedMac[]): void {
    const ids = expired.map((r) => r.id);
    this.dataSource.manager.delete(EblMacRow, { id: In(ids), validUntil: LessThanOrEqual(new Date()) }).catch((error: unknown) => this.logger.warn(`could not remove expired registrations: ${String(error)}`));
  }
}

function byProvider(hits: readonly Hit[]): Map<string, Hit[]> {
  const result = new Map<string, Hit[]>();
  for (const hit of hits) {
    const list = result.get(hit.reg.providerId);
    if (list === undefined) result.set(hit.reg.providerId, [hit]);
    else list.push(hit);
  }
  return result;
}
