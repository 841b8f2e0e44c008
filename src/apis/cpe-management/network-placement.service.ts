// Carries out planned placements (network-placement.ts) through the WiFi network domain, as
// the API client: a new member is a WiFi network at the device's location with the
// network's settings (audited, reconciled and isolated like any GUEST network), linked to
// the network in cpe_network_members; an adopted member (a device's primary network in a
// replacement) takes the network's settings and is linked to it; a removed member is
// deleted. New members are made first, so a failure undoes them (deleted again) before
// anything is removed; adoptions next; removals last. A network whose last member is removed is gone (the contract's automatic deletion).

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ApiPrincipal } from '../../oauth/api-principal';
import { CreateWifiNetworkInput } from '../../wifi-networks/dto/create-wifi-network.input';
import { UpdateWifiNetworkInput } from '../../wifi-networks/dto/update-wifi-network.input';
import { WifiNetworkKind } from '../../wifi-networks/wifi-network-enums';
import { WifiNetwork } from '../../wifi-networks/wifi-network.entity';
import { WifiNetworksService } from '../../wifi-networks/wifi-networks.service';
import { CpeNetwork, representative } from './cpe-network';
import { CpeNetworksService } from './cpe-networks.service';
import { CpeNetworkMember } from './network-member.entity';
import { PlacementStep } from './network-placement';
import { actingPrincipal } from './reboots/cpe-reboots.service';

/** A new member's settings: the network's, as an auxiliary network. */
function memberInput(network: WifiNetwork): CreateWifiNetworkInput {
  return {
    kind: network.kind === WifiNetworkKind.PRIMARY ? WifiNetworkKind.GUEST : network.kind,
    ssid: network.ssid,
    securityMode: network.securityMode,
    passphrase: network.passphrase,
    hidden: network.hidden,
    clientIsolation: network.clientIsolation,
    isolated: network.kind === WifiNetworkKind.PRIMARY ? true : network.isolated,
    vlanId: network.vlanId,
    bands: network.bands,
    enabled: network.enabled,
    expiresAt: network.expiresAt,
    description: network.description,
  };
}

/** A device's primary network taking the network's settings (it stays the home network: not isolated, no expiry). */
function primaryInput(network: WifiNetwork): UpdateWifiNetworkInput {
  return {
    ssid: network.ssid,
    securityMode: network.securityMode,
    passphrase: network.passphrase,
    hidden: network.hidden,
    clientIsolation: network.clientIsolation,
    bands: network.bands,
    description: network.description,
  };
}

@Injectable()
export class NetworkPlacementService {
  constructor(
    private readonly wifiNetworks: WifiNetworksService,
    private readonly networks: CpeNetworksService,
    @InjectRepository(CpeNetworkMember) private readonly links: Repository<CpeNetworkMember>,
  ) {}

  async apply(principal: ApiPrincipal, steps: readonly PlacementStep[]): Promise<void> {
    const acting = actingPrincipal(principal);
    const created: WifiNetwork[] = [];
    try {
      for (const step of steps) {
        if (step.kind !== 'create') continue;
        const member = await this.wifiNetworks.create(acting, step.site.location.id, memberInput(representative(step.network)));
        created.push(member);
        await this.link(step.network, member.id);
      }
      for (const step of steps) {
        if (step.kind !== 'adopt') continue;
        await this.wifiNetworks.update(acting, step.member.id, primaryInput(representative(step.network)));
        await this.links.delete({ wifiNetworkId: step.member.id });
        await this.link(step.network, step.member.id);
      }
    } catch (error) {
      for (const member of created) await this.wifiNetworks.delete(acting, member.id).catch(() => undefined);
      throw error;
    }
    for (const step of steps) if (step.kind === 'remove') await this.wifiNetworks.delete(acting, step.member.id);
  }

  /** Links a new member to the network; a network that had one member gets its first link rows. */
  private async link(network: CpeNetwork, wifiNetworkId: string): Promise<void> {
    const apiClientId = (await this.networks.ownerOf(network.id)) ?? null;
    const createdAt = new Date();
    const existing = new Set((await this.links.findBy({ networkId: network.id })).map((l) => l.wifiNetworkId));
    const rows = [...network.members.map((m) => m.network.id).filter((id) => !existing.has(id)), wifiNetworkId].map((id) => ({ wifiNetworkId: id, networkId: network.id, apiClientId, createdAt }));
    await this.links.insert(rows);
  }
}
