// Clients still associated with a personal key the VIF no longer carries (revoked,
// suspended, its window ended), or with a key rotated after they joined (they hold the old
// passphrase), are kicked through the reconciler's client blocks: blacklisted
// on the node's VIFs for a short while, which makes OpenSync deauthenticate them; without
// their key they cannot come back. Runs in every pass of a node at a location with a key
// pool network (a pass contributor that writes nothing itself), and when a client connects
// with a key, so a window that ends with nobody acting still disconnects its clients.

import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { clientsOfRetiredKeys, clientsOfRotatedKeys, keyTagPeers, parseOwnedIfName, planKeys } from '@lib/opensync';
import { Subscription } from 'rxjs';
import { ClientsService } from '../clients/live/clients.service';
import { DesiredStateService } from '../reconciler/desired-state.service';
import { ReconcilerService } from '../reconciler/reconciler.service';
import { ClientBlocks } from '../reconciler/worker/client-blocks';
import { PassContributors, PassInput } from '../reconciler/worker/pass-contributors';
import { PersonalKeySourceService } from './personal-key-source';

/** How long a client of a retired key stays blacklisted: long enough for the deauthentication. */
export const RETIRED_KEY_BLOCK_MS = 60_000;

@Injectable()
export class RetiredKeyKicks implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('PersonalKeys');
  private subscription: Subscription | undefined;

  constructor(
    private readonly contributors: PassContributors,
    private readonly desired: DesiredStateService,
    private readonly clients: ClientsService,
    private readonly blocks: ClientBlocks,
    private readonly reconciler: ReconcilerService,
    private readonly source: PersonalKeySourceService,
  ) {}

  onModuleInit(): void {
    this.desired.setPersonalKeySource((locationId, networkIds) => this.source.keysAt(locationId, networkIds));
    this.desired.setKeyPeerSource((nodeId, locationId) => this.peersOf(nodeId, locationId));
    this.contributors.register({ name: 'retired-key-kicks', plan: (input) => this.plan(input) });
    this.subscription = this.clients.events$.subscribe((event) => {
      if (event.keyId !== null && event.networkId !== null && event.locationId !== null) {
        void this.onKeyClientChange(event.nodeId, event.locationId, event.networkId).catch((error: unknown) => this.logger.warn(`[serial=${event.serial}] ${String(error)}`));
      }
      if (event.kind === 'connected' && event.keyId !== null && event.networkId !== null && event.locationId !== null) {
        void this.onConnected(event.nodeId, event.locationId, event.networkId, event.keyId).catch((error: unknown) => this.logger.warn(`[serial=${event.serial}] ${String(error)}`));
      }
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /**
   * Per-key isolation across nodes: each node's key tags carry, as cloud values, the key's
   * clients on the location's other nodes (their frames arrive over the backhaul).
   */
  private peersOf(nodeId: string, locationId: string): Map<string, string[]> {
    const clients: { mac: string; slot: number | null; keyId: string | null }[] = [];
    for (const other of this.desired.nodesPlacedAt(locationId)) {
      if (other === nodeId) continue;
      for (const a of this.clients.associations(other)) clients.push({ mac: a.mac, slot: parseOwnedIfName(a.ifName)?.slot ?? null, keyId: a.keyId });
    }
    return keyTagPeers(clients);
  }

  /** A client of a kept-apart key came or went: the location's other nodes need its MAC in (or out of) their tags. */
  private async onKeyClientChange(nodeId: string, locationId: string, networkId: string): Promise<void> {
    const network = (await this.desired.networksOf(locationId)).find((n) => n.id === networkId);
    if (network?.keyIsolation !== true || network.personalKeys == null) return;
    for (const other of this.desired.nodesPlacedAt(locationId)) if (other !== nodeId) this.reconciler.kick(other);
  }

  /** Writes nothing itself: the blocks enter the node's desired VIFs on its next pass. */
  /** A client that joined a pool network with a key not in force there: its node needs a pass (and so the kick). */
  private async onConnected(nodeId: string, locationId: string, networkId: string, keyId: string): Promise<void> {
    const network = (await this.desired.networksOf(locationId)).find((n) => n.id === networkId);
    if (network?.personalKeys == null) return;
    if (!planKeys(network.personalKeys, new Date()).psks.has(keyId)) this.reconciler.kick(nodeId);
  }

  async plan(input: PassInput): Promise<never[]> {
    if (input.locationId === null) return [];
    const pools = (await this.desired.networksOf(input.locationId)).filter((n) => n.personalKeys != null);
    if (pools.length === 0) return [];
    const { nodeId, serial } = input.connection;
    const now = new Date();
    const blocked = new Set(this.blocks.activeFor(nodeId, now).map((b) => b.mac));
    const associated = this.clients.associations(nodeId);
    let added = 0;
    for (const network of pools) {
      const psks = planKeys(network.personalKeys ?? [], now).psks;
      const onVif = associated.filter((a) => parseOwnedIfName(a.ifName)?.slot === network.slot);
      const kicks = [
        ...clientsOfRetiredKeys(onVif, psks).map((c) => ({ ...c, why: 'retired' })),
        ...clientsOfRotatedKeys(onVif, network.personalKeys ?? [], psks).map((c) => ({ ...c, why: 'the old passphrase of rotated' })),
      ];
      for (const client of kicks) {
        if (blocked.has(client.mac)) continue;
        blocked.add(client.mac);
        this.blocks.set(nodeId, `personal-key:${client.mac}`, { mac: client.mac, until: new Date(now.getTime() + RETIRED_KEY_BLOCK_MS) });
        this.logger.log(`[serial=${serial}] client ${client.mac} used ${client.why} key ${client.keyId ?? ''} on network ${network.id}: blocked for ${RETIRED_KEY_BLOCK_MS / 1000} s`);
        added++;
      }
    }
    // The block enters the desired VIFs on the next pass.
    if (added > 0) this.reconciler.kick(nodeId);
    return [];
  }
}
