// Simulated OpenSync devices (libs/device-sim) dialling the app under test, with a backhaul
// VIF of their own seeded at boot, and helpers to read what they hold.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isControllerOwned } from '@lib/opensync';
import { Row } from '@lib/ovsdb';
import { DelayScheduler, defaultProfile, DeviceBehaviour, loadSchemaFile, OPENSYNC_SUBSET_SCHEMA_PATH, SimulatedDevice } from '@lib/device-sim';
import { SouthboundService } from '../../../src/southbound/southbound.service';
import { TestApp } from '../support';

export const BACKHAUL = 'bhaul-ap-24';

export interface SimHandle {
  device: SimulatedDevice;
  stop(): Promise<void>;
}

export function listenerPort(app: TestApp): number {
  return app.app.get(SouthboundService).addresses[0].port;
}

export async function until<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false): Promise<T> {
  for (let i = 0; i < 1500; i++) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    await new Promise((r) => setTimeout(r, 40));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** Boots a device that dials the app; its own backhaul VIF exists before anything else happens. */
export async function startSimDevice(
  app: TestApp,
  serial: string,
  options: { behaviour?: Partial<DeviceBehaviour>; schemaPath?: string; controller?: string } = {},
): Promise<SimHandle> {
  const scheduler = new DelayScheduler();
  const device = new SimulatedDevice({
    schema: loadSchemaFile(options.schemaPath ?? OPENSYNC_SUBSET_SCHEMA_PATH),
    profile: defaultProfile(serial, { managerAddr: options.controller ?? `tcp:127.0.0.1:${listenerPort(app)}`, minBackoff: 1, maxBackoff: 2 }),
    behaviour: { applyDelayMs: 200, backoffUnitMs: 100, ...options.behaviour },
    scheduler,
  });
  await device.start();
  await device.database.transact([
    { op: 'insert', table: 'Wifi_VIF_Config', 'uuid-name': 'bh', row: { if_name: BACKHAUL, mode: 'ap', enabled: true, ssid: 'we.backhaul', vif_radio_idx: 1, bridge: 'br-home' } },
    { op: 'mutate', table: 'Wifi_Radio_Config', where: [['if_name', '==', 'wifi0']], mutations: [['vif_configs', 'insert', ['set', [['named-uuid', 'bh']]]]] },
  ]);
  return {
    device,
    stop: async () => {
      await device.stop();
      scheduler.close();
    },
  };
}

export function vifConfigs(device: SimulatedDevice): readonly Readonly<Row>[] {
  return device.database.rows('Wifi_VIF_Config');
}

export function ownedNames(device: SimulatedDevice): string[] {
  return vifConfigs(device)
    .map((r) => r.if_name as string)
    .filter((n) => isControllerOwned(n))
    .sort();
}

/** The device's own VIF rows, its radios apart from references to our VIFs, and the backhaul's references. */
export function foreignRows(device: SimulatedDevice): string {
  const out: Record<string, unknown[]> = {};
  out.Wifi_VIF_Config = vifConfigs(device)
    .filter((r) => !isControllerOwned(r.if_name))
    .map((r) => JSON.stringify(r, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v)));
  // Radio rows change only by references to our own VIFs; compare them without vif_configs.
  out.Wifi_Radio_Config = device.database.rows('Wifi_Radio_Config').map((r) => JSON.stringify({ ...r, vif_configs: undefined }));
  out.backhaulRefs = device.database
    .rows('Wifi_Radio_Config')
    .map((r) => (r.vif_configs as string[]).filter((u) => vifConfigs(device).find((v) => v._uuid === u)?.if_name === BACKHAUL).length);
  return JSON.stringify(out);
}

/** The simulator's schema without the wpa columns: firmware older than wpa_psks. */
export function legacySchemaFile(dir: string): string {
  const schema = JSON.parse(readFileSync(OPENSYNC_SUBSET_SCHEMA_PATH, 'utf8')) as { tables: Record<string, { columns: Record<string, unknown> }> };
  const wpa = ['wpa', 'wpa_key_mgmt', 'wpa_psks', 'wpa_oftags', 'wpa_pairwise_tkip', 'wpa_pairwise_ccmp', 'rsn_pairwise_tkip', 'rsn_pairwise_ccmp', 'pmf'];
  for (const table of ['Wifi_VIF_Config', 'Wifi_VIF_State']) for (const column of wpa) delete schema.tables[table]?.columns[column];
  const file = join(dir, 'legacy-subset.ovsschema');
  writeFileSync(file, JSON.stringify(schema));
  return file;
}
