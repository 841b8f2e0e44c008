// Command-line options of `npm run bench`. Parsing is pure so the runner and each part
// process (which receives the parsed options as JSON) agree on one shape.

export const PART_IDS = ['cold-start', 'fleet-change', 'single-change', 'idle', 'read-path', 'ovsdb-floor', 'reboot-rollout', 'telemetry', 'ebl', 'cpe-sites', 'venues', 'cluster'] as const;
export type PartId = (typeof PART_IDS)[number];

export interface BenchOptions {
  devices: number;
  /** Seconds of idle measurement (part 4). */
  durationS: number;
  quick: boolean;
  parts: PartId[];
  /** Rows in the ovsdb-server of part 6. */
  rows: number;
  /** Repetitions of each initial-monitor measurement in part 6. */
  monitorRuns: number;
  /** Single changes measured (parts 3 and 6). */
  changes: number;
  writeDoc: boolean;
  /** Devices the fleet dials per second at cold start (parts 1-5). */
  dialRate: number;
  /** Seconds between two reports of one device in the telemetry part. */
  telemetryIntervalS: number;
  /** Controller instances of the cluster part (2 or 3). */
  instances: number;
  /** Processes the simulated fleet of the telemetry part runs in. */
  fleetProcesses: number;
}

export const USAGE = `npm run bench -- [options]
  --devices N     simulated devices (default 10000; --quick: 500)
  --duration S    idle measurement in seconds (default 60; --quick: 10)
  --quick         a one-minute run with fewer devices and repetitions
  --only PARTS    comma-separated parts, by number (1-7) or name: ${PART_IDS.join(', ')}
  --rows N        rows in the ovsdb-server of part 6 (default 10000)
  --dial-rate N   devices the fleet dials per second at cold start (default 1000)
  --telemetry-interval S
                  seconds between two reports of a device in the telemetry part (default 10;
                  e.g. --devices 3000 --telemetry-interval 3 offers the 1,000 reports/s of
                  10,000 devices at 10 s)
  --instances N   controller instances of the cluster part, 2 or 3 (default 3)
  --fleet-processes N
                  processes the telemetry part's simulated fleet runs in, 1 to 4 (default 1);
                  each runs its share of the devices
  --no-doc        print the table only, leave docs/benchmarks.md alone`;

function positiveInt(flag: string, text: string | undefined): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} needs a positive integer, got ${String(text)}`);
  return n;
}

function parsePart(text: string): PartId {
  const byNumber = /^[1-7]$/.test(text) ? PART_IDS[Number(text) - 1] : undefined;
  const part = byNumber ?? PART_IDS.find((p) => p === text);
  if (!part) throw new Error(`unknown part "${text}"; parts: 1-7 or ${PART_IDS.join(', ')}`);
  return part;
}

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const opts: BenchOptions = {
    devices: quick ? 500 : 10_000,
    durationS: quick ? 10 : 60,
    quick,
    parts: [...PART_IDS],
    rows: 10_000,
    monitorRuns: quick ? 3 : 7,
    changes: quick ? 200 : 500,
    writeDoc: true,
    dialRate: 1000,
    telemetryIntervalS: 10,
    instances: 3,
    fleetProcesses: 1,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string | undefined => argv[++i];
    switch (flag) {
      case '--quick':
        break;
      case '--devices':
        opts.devices = positiveInt(flag, value());
        break;
      case '--duration':
        opts.durationS = positiveInt(flag, value());
        break;
      case '--rows':
        opts.rows = positiveInt(flag, value());
        break;
      case '--only':
        opts.parts = (value() ?? '').split(',').filter((p) => p !== '').map(parsePart);
        if (opts.parts.length === 0) throw new Error('--only needs at least one part');
        break;
      case '--dial-rate':
        opts.dialRate = positiveInt(flag, value());
        break;
      case '--telemetry-interval':
        opts.telemetryIntervalS = positiveInt(flag, value());
        break;
      case '--instances':
        opts.instances = positiveInt(flag, value());
        if (opts.instances < 2 || opts.instances > 3) throw new Error(`--instances must be 2 or 3, got ${opts.instances}`);
        break;
      case '--fleet-processes':
        opts.fleetProcesses = positiveInt(flag, value());
        if (opts.fleetProcesses > 4) throw new Error(`--fleet-processes must be 1 to 4, got ${opts.fleetProcesses}`);
        break;
      case '--no-doc':
        opts.writeDoc = false;
        break;
      default:
        throw new Error(`unknown option ${String(flag)}\n${USAGE}`);
    }
  }
  return opts;
}
