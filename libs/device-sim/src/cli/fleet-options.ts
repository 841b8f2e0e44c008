// Command line of the fleet simulator:
//   npm run sim -- --devices N --controller tcp:127.0.0.1:6640 [--serial-prefix P]
//     (or --redirector tcp:HOST:PORT instead of --controller: devices dial the redirector,
//     which writes manager_addr, as OpenSync devices shipped with a redirector address do)
//     [--apply-delay-ms D] [--fault-rate R] [--ssl --cert-dir DIR] [--schema FILE]
//     [--source-addresses K] [--ramp-per-second S] [--min-backoff S] [--max-backoff S]
//     [--inactivity-probe-ms MS] [--boot-time-ms MS] [--clients N] [--client-churn-ms MS]
//     [--shard K/M]  (this process runs devices K, K+M, K+2M, ... of the N: M processes
//     started with K = 0..M-1 run the same fleet over several cores)

export interface FleetOptions {
  readonly devices: number;
  /** Where devices dial: manager_addr, or redirector_addr when `redirector` is set. */
  readonly controller: string;
  /** Devices boot with this redirector_addr and no manager_addr (the cluster's redirector). */
  readonly redirector?: boolean;
  readonly serialPrefix: string;
  readonly applyDelayMs: number;
  readonly faultRate: number;
  readonly ssl: boolean;
  readonly certDir?: string;
  readonly schemaPath?: string;
  /** Spread connections over 127.0.0.1..127.0.0.K (loopback controllers only). */
  readonly sourceAddresses: number;
  readonly rampPerSecond: number;
  readonly minBackoff: number;
  readonly maxBackoff: number;
  /** Manager.inactivity_probe of every device, ms; 0 disables; the device default when absent. */
  readonly inactivityProbeMs?: number;
  /** How long a rebooting device stays down, ms (0 when absent). */
  readonly bootTimeMs?: number;
  /** Clients associated per device (Wifi_Associated_Clients, DHCP leases, MQTT client stats). */
  readonly clients?: number;
  /** One client leaves and another returns every this many ms per device; 0: no churn. */
  readonly clientChurnMs?: number;
  /** This process runs the devices whose index modulo `count` is `index` (0 of 1: all). */
  readonly shard?: { readonly index: number; readonly count: number };
}

export const USAGE = `usage: npm run sim -- --devices N (--controller | --redirector) tcp:HOST:PORT|ssl:HOST:PORT
  [--serial-prefix P] [--apply-delay-ms D] [--fault-rate R] [--ssl --cert-dir DIR]
  [--schema FILE] [--source-addresses K] [--ramp-per-second S] [--min-backoff S] [--max-backoff S]
  [--inactivity-probe-ms MS] [--boot-time-ms MS] [--clients N] [--client-churn-ms MS] [--shard K/M]`;

export function parseFleetArgs(argv: readonly string[]): FleetOptions {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"\n${USAGE}`);
    const [name, inline] = arg.slice(2).split('=', 2);
    if (name === 'ssl' || name === 'help') flags.add(name);
    else if (inline !== undefined) values.set(name, inline);
    else if (i + 1 < argv.length) values.set(name, argv[++i]);
    else throw new Error(`--${name} needs a value\n${USAGE}`);
  }
  if (flags.has('help')) throw new Error(USAGE);
  const known = ['devices', 'controller', 'redirector', 'serial-prefix', 'apply-delay-ms', 'fault-rate', 'cert-dir', 'schema', 'source-addresses', 'ramp-per-second', 'min-backoff', 'max-backoff', 'inactivity-probe-ms', 'boot-time-ms', 'clients', 'client-churn-ms', 'shard'];
  for (const k of values.keys()) if (!known.includes(k)) throw new Error(`unknown option --${k}\n${USAGE}`);
  const num = (name: string, fallback: number, min: number, max: number): number => {
    const raw = values.get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} must be a number from ${min} to ${max}`);
    return n;
  };
  const redirector = values.get('redirector');
  if (redirector !== undefined && values.has('controller')) throw new Error(`--controller and --redirector exclude each other\n${USAGE}`);
  const controller = redirector ?? values.get('controller');
  if (!controller || !/^(tcp|ssl):.+:\d+$/.test(controller)) throw new Error(`--controller (or --redirector) tcp:HOST:PORT or ssl:HOST:PORT is required\n${USAGE}`);
  const ssl = flags.has('ssl') || controller.startsWith('ssl:');
  const certDir = values.get('cert-dir');
  if (ssl && !certDir) throw new Error('--ssl needs --cert-dir DIR (ca.pem and <serial>.pem/<serial>.key, or client.pem/client.key)');
  return {
    shard: parseShard(values.get('shard')),
    devices: Math.floor(num('devices', 1, 1, 100000)),
    controller: ssl ? controller.replace(/^tcp:/, 'ssl:') : controller,
    redirector: redirector !== undefined,
    serialPrefix: values.get('serial-prefix') ?? 'SIM',
    applyDelayMs: num('apply-delay-ms', 500, 0, 3600000),
    faultRate: num('fault-rate', 0, 0, 1),
    ssl,
    certDir,
    schemaPath: values.get('schema'),
    sourceAddresses: Math.floor(num('source-addresses', 16, 1, 254)),
    rampPerSecond: num('ramp-per-second', 1000, 1, 1000000),
    minBackoff: num('min-backoff', 1, 0, 3600),
    maxBackoff: num('max-backoff', 8, 0, 3600),
    inactivityProbeMs: Math.floor(num('inactivity-probe-ms', 30000, 0, 3600000)),
    bootTimeMs: Math.floor(num('boot-time-ms', 0, 0, 3600000)),
    clients: Math.floor(num('clients', 0, 0, 200)),
    clientChurnMs: Math.floor(num('client-churn-ms', 0, 0, 86400000)),
  };
}

function parseShard(raw: string | undefined): { index: number; count: number } {
  if (raw === undefined) return { index: 0, count: 1 };
  const m = /^(\d+)\/(\d+)$/.exec(raw);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || count > 64 || index >= count) throw new Error(`--shard K/M: M from 1 to 64, K from 0 to M-1 (got ${raw})`);
  return { index, count };
}

export function serialFor(prefix: string, index: number, total: number): string {
  return `${prefix}${String(index + 1).padStart(Math.max(6, String(total).length), '0')}`;
}
