// Domain -> CPE Management representations, shaped by the caller's scopes: no `location`
// without the location scope, no `devices` without a device scope, no `hardwareAddress`
// without the hardware-address scope, no `serviceSite` without a site scope.

import { MAX_SLOT } from '@lib/opensync';
import { ScopeView } from './cpe-scopes';
import { GatewayRow, SiteRow } from './cpe-sites.service';
import { DeviceNetworkView } from './network-views';

/** Auxiliary networks a device carries: every VIF slot but the primary's. */
export const MAX_AUXILIARY_NETWORKS = MAX_SLOT - 1;

export interface ServiceSiteView {
  id: string;
  name?: string;
  devices?: string[];
  location?: { propertyAddress: Record<string, string> };
}

export interface DeviceView {
  id: string;
  name?: string;
  description?: string;
  hardwareAddress?: { hardwareAddressType: 'EUI-48'; value: string };
  serviceSite?: string;
  networks?: DeviceNetworkView[];
  maxAuxiliaryNetworks?: number;
}

function clip(value: string, max: number): string {
  return value.length > max ? value.slice(0, max) : value;
}

export function serviceSiteView(location: SiteRow, gateway: GatewayRow | undefined, view: ScopeView): ServiceSiteView {
  const site: ServiceSiteView = { id: location.id, name: clip(location.name, 64) };
  if (view.devices) site.devices = gateway === undefined ? [] : [gateway.id];
  if (view.location) {
    const address: Record<string, string> = {};
    if (location.street) address.addressLine1 = clip(location.street, 128);
    if (location.city) address.city = clip(location.city, 128);
    if (location.postalCode) address.postCode = clip(location.postalCode, 64);
    if (location.country) address.country = clip(location.country, 64);
    site.location = { propertyAddress: address };
  }
  return site;
}

/** EUI-48 in the contract's form (upper case, colon separated), or undefined when unknown. */
export function eui48(mac: string | null): string | undefined {
  const hex = mac?.replace(/[^0-9a-fA-F]/g, '') ?? '';
  if (hex.length !== 12) return undefined;
  return hex.toUpperCase().match(/.{2}/g)!.join(':');
}

/** `networks`: the device's networks the caller's roles reach (only with a network scope). */
export function deviceView(location: SiteRow, gateway: GatewayRow, view: ScopeView, networks?: DeviceNetworkView[]): DeviceView {
  const device: DeviceView = { id: gateway.id, name: clip(location.name, 100) || 'WiFi' };
  if (gateway.description) device.description = clip(gateway.description, 255);
  const mac = eui48(gateway.macAddress);
  if (view.hardwareAddress && mac !== undefined) device.hardwareAddress = { hardwareAddressType: 'EUI-48', value: mac };
  if (view.sites) device.serviceSite = location.id;
  if (networks !== undefined) device.networks = networks;
  if (view.auxiliary) device.maxAuxiliaryNetworks = MAX_AUXILIARY_NETWORKS;
  return device;
}
