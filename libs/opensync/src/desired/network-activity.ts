// Two facts about a desired network that several rules need: whether it runs now, and
// whether it gets a network of its own on the device (docs/decisions/network-isolation.md).

import { DesiredNetwork } from './desired-network';

export function isNetworkActive(network: Pick<DesiredNetwork, 'enabled' | 'expiresAt'>, now: Date): boolean {
  if (!network.enabled) return false;
  return network.expiresAt == null || network.expiresAt.getTime() > now.getTime();
}

/** GUEST and IOT networks are isolated unless the model says otherwise; PRIMARY never is. */
export function isIsolated(network: Pick<DesiredNetwork, 'kind' | 'isolated'>): boolean {
  if (network.kind === 'PRIMARY') return false;
  return network.isolated ?? true;
}
