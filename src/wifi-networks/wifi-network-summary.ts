// What the audit trail keeps of a network (the passphrase key is redacted by the audit
// service; it is named here so a change of passphrase still shows as a change).

import { WifiNetwork } from './wifi-network.entity';

export function wifiNetworkSummary(n: WifiNetwork): Record<string, unknown> {
  return {
    locationId: n.locationId,
    kind: n.kind,
    ssid: n.ssid,
    securityMode: n.securityMode,
    passphrase: n.passphrase === null ? null : 'set',
    hidden: n.hidden,
    clientIsolation: n.clientIsolation,
    isolated: n.isolated,
    vlanId: n.vlanId,
    bands: n.bands,
    enabled: n.enabled,
    expiresAt: n.expiresAt,
    description: n.description,
  };
}
