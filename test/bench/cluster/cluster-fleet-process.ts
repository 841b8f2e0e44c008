// The cluster part's simulated fleet, in its own process: the fleet simulator's Fleet with
// devices that know only the redirector (OpenSync's redirector_addr), plus what the bench
// asks of the devices' side over IPC: which controller address each device is connected to
// now, and when a device has applied a given SSID (its Wifi_VIF_State carries it). Times are
// wall-clock milliseconds with sub-millisecond precision (performance.timeOrigin + now), so
// the bench process compares them with its own.
// argv: the fleet CLI's arguments as one JSON array.

import { performance } from 'node:perf_hooks';
import { Fleet } from '../../../libs/device-sim/src/cli/fleet';
import { parseFleetArgs } from '../../../libs/device-sim/src/cli/fleet-options';
import { OPENSYNC_SUBSET_SCHEMA_PATH } from '../../../libs/device-sim/src/schema-files';
import { loadSchemaFile } from '../../../libs/device-sim/src/server/ovsdb-server';
import type { SimulatedDevice } from '../../../libs/device-sim/src/device/simulated-device';
import type { FleetReply, FleetRequest } from './cluster-fleet-messages';

const options = parseFleetArgs(JSON.parse(process.argv[2] ?? '[]') as string[]);
// SIM_VERBOSE=1: every device's connection states on stderr, with times (as `npm run sim`).
const verbose = process.env.SIM_VERBOSE === '1' ? (line: string): void => void process.stderr.write(`${new Date().toISOString()} ${line}\n`) : undefined;
const fleet = new Fleet(options, loadSchemaFile(options.schemaPath ?? OPENSYNC_SUBSET_SCHEMA_PATH), verbose);
const bySerial = new Map<string, SimulatedDevice>();
const wallClock = (): number => performance.timeOrigin + performance.now();

function send(reply: FleetReply): void {
  process.send?.(reply);
}

function device(serial: string): SimulatedDevice {
  if (bySerial.size < fleet.devices.length) for (const d of fleet.devices) bySerial.set(d.serial, d);
  const found = bySerial.get(serial);
  if (found === undefined) throw new Error(`no simulated device ${serial}`);
  return found;
}

function applied(d: SimulatedDevice, ssid: string): boolean {
  return d.database.rows('Wifi_VIF_State').some((r) => r.ssid === ssid);
}

/** Resolves with the wall-clock time at which the device first carries `ssid` in Wifi_VIF_State. */
function appliedAt(serial: string, ssid: string): Promise<number> {
  const d = device(serial);
  if (applied(d, ssid)) return Promise.resolve(wallClock());
  return new Promise((resolve) => {
    const stop = d.database.onChange((tables) => {
      if (!tables.has('Wifi_VIF_State') || !applied(d, ssid)) return;
      stop();
      resolve(wallClock());
    });
  });
}

process.on('message', (raw: FleetRequest) => {
  switch (raw.type) {
    case 'where':
      send({ type: 'where', id: raw.id, targets: fleet.devices.map((d) => [d.serial, d.connectedTo ?? null]) });
      break;
    case 'watch': {
      const seen = Promise.all(raw.pairs.map(([serial, ssid]) => appliedAt(serial, ssid)));
      send({ type: 'watching', id: raw.id });
      void seen.then((times) => send({ type: 'seen', id: raw.id, lastAt: Math.max(...times) }));
      break;
    }
  }
});

const shutdown = (): void => {
  void fleet.stop().then(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
void fleet.start().then(() => send({ type: 'started' }));
