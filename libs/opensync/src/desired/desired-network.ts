// The model as the reconciler hands it to the OpenSync rules: plain data, no ORM types, so
// the rules stay pure and testable, and the app is free to store networks as it likes.
// Optional fields accept null as the database gives them.

import { Row } from '@lib/ovsdb';
import { MacAcl } from '../acl/vif-acl';
import type { PersonalKeyView } from '../keys/personal-keys';
import { NetworkBand, RadioBand } from '../naming/radio-band';

/** The LAN bridge of OpenSync residential images: AP VIFs join it unless isolated. */
export const DEFAULT_HOME_BRIDGE = 'br-home';

export type NetworkKind = 'PRIMARY' | 'GUEST' | 'IOT';
export type SecurityMode = 'OPEN' | 'WPA2_PSK' | 'WPA3_SAE' | 'WPA2_WPA3';

export interface DesiredNetwork {
  id: string;
  /**
   * Which version of the model's network this is (its last change, ms since the epoch). A
   * status computed from an older version is not the current network's status: it reads
   * PENDING until a pass plans the current one (src/reconciler/status).
   */
  version?: number;
  /** 1..7, persisted per location by the app; PRIMARY gets 1. */
  slot: number;
  kind: NetworkKind;
  ssid: string;
  securityMode: SecurityMode;
  passphrase?: string | null;
  hidden: boolean;
  clientIsolation: boolean;
  /**
   * Whether the network gets its own bridge, subnet and firewall rules on the device;
   * undefined or null: the default of its kind (GUEST and IOT yes, PRIMARY never).
   */
  isolated?: boolean | null;
  vlanId?: number | null;
  bands: readonly NetworkBand[];
  enabled: boolean;
  expiresAt?: Date | null;
  /** The network's own allow or deny list; temporary client blocks compose with it (acl/vif-acl.ts). */
  macAcl?: MacAcl | null;
  /**
   * Set when the network is a key pool (multi-PSK): the personal keys valid at this location,
   * carried in wpa_psks instead of the network's own passphrase (keys/personal-keys.ts).
   */
  personalKeys?: readonly PersonalKeyView[] | null;
  /**
   * A key pool network whose keys are kept apart: each key gets its own tag (wpa_oftags) and
   * rules so that its clients reach each other and the uplink only (keys/key-isolation.ts).
   */
  keyIsolation?: boolean | null;
}

/** What the rules need of a Wifi_Radio_Config row from the device cache. */
export interface RadioView {
  _uuid: string;
  if_name?: string;
  freq_band: RadioBand | string;
  /** Uuids of the Wifi_VIF_Config rows the radio applies. */
  vif_configs: readonly string[];
}

/** A row as kept in the device cache: notation values keyed by column, plus _uuid. */
export type CachedRow = Readonly<Row> & { readonly _uuid: string };

/** One Wifi_VIF_Config row the controller wants on one radio. */
export interface DesiredVif {
  networkId: string;
  radioUuid: string;
  radioBand: RadioBand;
  ifName: string;
  /**
   * Every column the controller manages, restricted to columns the device's schema has.
   * An empty value (undefined, [], empty Map) means the column must be empty on the device.
   */
  row: Readonly<Row>;
}

export type SkipReason =
  | 'DUPLICATE_RADIO_BAND'
  | 'SLOT_CONFLICT'
  | 'SECURITY_UNSUPPORTED'
  | 'OPEN_NOT_ALLOWED_ON_6G'
  | 'PASSPHRASE_MISSING'
  /** An isolated network on a device whose schema lacks the Bridge/Port/Interface/Netfilter tables. */
  | 'ISOLATION_UNSUPPORTED'
  /** The network's isolated subnet overlaps an address the device already uses. */
  | 'SUBNET_CONFLICT'
  /** A key pool network with no personal key in force at this location: nothing to offer. */
  | 'NO_KEYS_IN_FORCE';

/** A VIF the model asks for that this device cannot carry, with the reason to show users. */
export interface SkippedVif {
  networkId: string;
  radioUuid: string;
  radioBand: string;
  reason: SkipReason;
}
