// From API inputs to complete settings, applying the documented defaults, so the pure rules
// judge exactly what would be stored.

import { FieldError } from '../common/errors/app-error';
import { CreateWifiNetworkInput } from './dto/create-wifi-network.input';
import { PrimaryNetworkInput } from './dto/primary-network.input';
import { WifiNetworkKind } from './wifi-network-enums';
import { defaultBands, WifiNetworkPatch, WifiNetworkSettings } from './wifi-network-rules';
import { UpdateWifiNetworkInput } from './dto/update-wifi-network.input';
import { WifiNetwork } from './wifi-network.entity';

export function primarySettings(input: PrimaryNetworkInput): WifiNetworkSettings {
  return newSettings(WifiNetworkKind.PRIMARY, input, true, null, undefined);
}

export function createSettings(input: CreateWifiNetworkInput): WifiNetworkSettings {
  return newSettings(input.kind, input, input.enabled ?? true, input.expiresAt ?? null, input.isolated ?? undefined);
}

function newSettings(
  kind: WifiNetworkKind,
  input: PrimaryNetworkInput,
  enabled: boolean,
  expiresAt: Date | null,
  isolatedInput: boolean | undefined,
): WifiNetworkSettings {
  return {
    kind,
    ssid: input.ssid,
    securityMode: input.securityMode,
    passphrase: input.passphrase ?? null,
    hidden: input.hidden ?? false,
    clientIsolation: input.clientIsolation ?? false,
    isolated: isolatedInput ?? kind !== WifiNetworkKind.PRIMARY,
    vlanId: input.vlanId ?? null,
    bands: input.bands ?? defaultBands(input.securityMode),
    enabled,
    expiresAt,
    description: input.description ?? null,
  };
}

export function settingsOf(n: WifiNetwork): WifiNetworkSettings {
  return {
    kind: n.kind,
    ssid: n.ssid,
    securityMode: n.securityMode,
    passphrase: n.passphrase,
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

/** Fields that always have a value: null is refused, not taken for "not sent". */
const NOT_CLEARABLE = ['ssid', 'securityMode', 'hidden', 'clientIsolation', 'isolated', 'enabled'] as const;

/** One error per field sent as null that cannot be cleared (bands: null means the default bands). */
export function refusedNulls(input: UpdateWifiNetworkInput): FieldError[] {
  return NOT_CLEARABLE.filter((field) => input[field] === null).map((field) => ({ field, message: 'cannot be null; leave it out to keep the value' }));
}

/** The patch of an update; call refusedNulls first (a null here would be stored). */
export function patchOf(input: UpdateWifiNetworkInput): WifiNetworkPatch {
  const keep = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);
  return {
    ssid: keep(input.ssid),
    securityMode: keep(input.securityMode),
    passphrase: input.passphrase,
    hidden: keep(input.hidden),
    clientIsolation: keep(input.clientIsolation),
    isolated: keep(input.isolated),
    vlanId: input.vlanId,
    bands: input.bands,
    enabled: keep(input.enabled),
    expiresAt: input.expiresAt,
    description: input.description,
  };
}
