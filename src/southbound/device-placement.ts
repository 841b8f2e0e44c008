// Where a device is served, when several controller instances share the fleet. Unset in a
// single process (every identified device is served here); the cluster module sets it.

export type PlacementVerdict =
  | { kind: 'serve' }
  /** Another instance holds or should hold the device: write manager_addr and let it go. */
  | { kind: 'redirect'; managerAddr: string; why: string }
  /** No instance can prove it may hold the device now (this one lost its lease): close. */
  | { kind: 'refuse'; why: string };

export interface DevicePlacement {
  /** On the device port, once the device is identified. */
  admit(serial: string): Promise<PlacementVerdict>;
  /** On the redirector port: the manager_addr to write, or undefined when no instance is live. */
  target(serial: string): Promise<string | undefined>;
}
