// Entry point of `npm run sim:attach`: turns a real ovsdb-server into a faithful OpenSync
// device by attaching the simulator's managers (WiFi, upgrade) to it over its unix socket.
// The server itself dials the controller (its --remote), as firmware does.
//
//   npm run sim:attach -- --socket /run/dev/db.sock --serial SN1 [--model M] [--firmware V]
//                         [--bands 2.4G,5G] [--bootstrap] [--apply-delay-ms D]
import { DelayScheduler } from '../device/delay-scheduler';
import { Band, defaultProfile } from '../device/device-profile';
import { attachToOvsdbServer } from '../device/real-server-device';

interface AttachOptions {
  socket: string;
  serial: string;
  model?: string;
  firmware?: string;
  bands?: Band[];
  bootstrap: boolean;
  applyDelayMs?: number;
}

const BANDS: readonly Band[] = ['2.4G', '5G', '6G'];

export function parseAttachArgs(argv: string[]): AttachOptions {
  const values = new Map<string, string>();
  let bootstrap = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--bootstrap') bootstrap = true;
    else if (arg.startsWith('--') && i + 1 < argv.length) values.set(arg.slice(2), argv[++i]);
    else throw new Error(`unexpected argument ${arg}`);
  }
  const socket = values.get('socket');
  const serial = values.get('serial');
  if (!socket || !serial) throw new Error('--socket PATH and --serial SERIAL are required');
  const bands = values.get('bands')?.split(',');
  for (const b of bands ?? []) if (!BANDS.includes(b as Band)) throw new Error(`--bands: unknown band ${b} (2.4G, 5G, 6G)`);
  const delay = values.get('apply-delay-ms');
  const applyDelayMs = delay === undefined ? undefined : Number(delay);
  if (applyDelayMs !== undefined && !(Number.isInteger(applyDelayMs) && applyDelayMs >= 0)) {
    throw new Error('--apply-delay-ms: a whole number of milliseconds');
  }
  return { socket, serial, model: values.get('model'), firmware: values.get('firmware'), bands: bands as Band[] | undefined, bootstrap, applyDelayMs };
}

async function main(): Promise<void> {
  let options: AttachOptions;
  try {
    options = parseAttachArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  }
  const profile = defaultProfile(options.serial, {
    ...(options.model ? { model: options.model } : {}),
    ...(options.firmware ? { firmwareVersion: options.firmware } : {}),
    ...(options.bands ? { bands: options.bands } : {}),
  });
  const scheduler = new DelayScheduler();
  const device = await attachToOvsdbServer({
    socketPath: options.socket,
    profile,
    scheduler,
    bootstrap: options.bootstrap,
    behaviour: options.applyDelayMs === undefined ? {} : { applyDelayMs: options.applyDelayMs },
    onLog: (line) => process.stderr.write(`${line}\n`),
  });
  process.stderr.write(`serial=${options.serial} managers attached to ${options.socket}\n`);
  const stop = (): void => {
    device.stop();
    scheduler.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  void device.session.closed.then((reason) => {
    process.stderr.write(`serial=${options.serial} ovsdb-server went away: ${reason.message}\n`);
    process.exit(1);
  });
}

if (require.main === module) void main();
