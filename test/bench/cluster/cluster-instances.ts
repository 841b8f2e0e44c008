// The cluster part's controller instances: the real build (dist/), each with its own device
// port, one PostgreSQL schema and the NATS server shared; the first also runs the
// redirector. Each instance's own account of the devices it holds is read from its log
// (its "connected (node" and "disconnected:" lines), line by line as it writes them.

import { ControllerProcess } from '../fleet/controller-process';
import { freePort } from '../fleet/free-port';
import { TransactLog } from '../fleet/transact-log';

export const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

const SESSION_LINE = /\[serial=(\S+) [^\]]*\] (connected \(node|disconnected:)/;
const LIVE_LINE = /live instances: ([^(\n]*)/;
const FORGOT_LINE = /forgot the convergence results of instance\(s\) (.*)$/;
const LEASE_LOST_LINE = /lease of instance \S+ ran out/;

/** An instance's log, followed line by line: the devices it says it holds, what it says of the cluster. */
export class InstanceLog {
  readonly held = new Set<string>();
  /** The ids of the last "live instances:" line. */
  live: string[] = [];
  /** When this process read that this one dropped an instance's convergence results (it left the live set), by instance id. */
  readonly forgot = new Map<string, number>();
  /** Times this instance's own lease ran out (it then closes every device session). */
  leasesLost = 0;
  /** The holder's transacts, from its "sending N operations" lines. */
  private readonly transacts = new TransactLog();

  /** When this process last read a "sending N operations" line of each device (wall-clock ms): the holder's transact. */
  get sentAt(): ReadonlyMap<string, number> {
    return this.transacts.sentAt;
  }

  feed(chunk: string): void {
    this.transacts.feed(chunk, (line, at) => this.line(line, at));
  }

  private line(line: string, at: number): void {
    const session = SESSION_LINE.exec(line);
    if (session) {
      if (session[2] === 'disconnected:') this.held.delete(session[1]);
      else this.held.add(session[1]);
      return;
    }
    const live = LIVE_LINE.exec(line);
    if (live) this.live = live[1].split(',').map((s) => s.trim()).filter((s) => s !== '');
    const forgot = FORGOT_LINE.exec(line);
    if (forgot) for (const id of forgot[1].split(',')) this.forgot.set(id.trim(), at);
    if (LEASE_LOST_LINE.test(line)) this.leasesLost++;
  }
}

export interface ClusterInstance {
  id: string;
  deviceAddress: string;
  controller: ControllerProcess;
  log: InstanceLog;
  /** False once killed. */
  alive: boolean;
}

export interface InstancesOptions {
  root: string;
  databaseUrl: string;
  count: number;
  redirectorPort: number;
  leaseMs: number;
}

export async function startInstances(options: InstancesOptions): Promise<ClusterInstance[]> {
  const ids = Array.from({ length: options.count }, (_, i) => `ctl-${i + 1}`);
  // All at once on the fresh schema, as a cluster starts: the migrations run once, under a lock.
  return Promise.all(
    ids.map(async (id, i) => {
      const port = await freePort();
      const deviceAddress = `tcp:127.0.0.1:${port}`;
      const log = new InstanceLog();
      const controller = await ControllerProcess.start({
        root: options.root,
        ovsdbPort: port,
        onOutput: (chunk) => log.feed(chunk),
        // BENCH_CONTROLLER_OUTPUT=FILE keeps each instance's whole output in FILE.<id>.
        ...(process.env.BENCH_CONTROLLER_OUTPUT ? { outputFile: `${process.env.BENCH_CONTROLLER_OUTPUT}.${id}` } : {}),
        env: {
          DATABASE_URL: options.databaseUrl,
          CLUSTER_NATS_URL: NATS_URL,
          CLUSTER_INSTANCE_ID: id,
          CLUSTER_DEVICE_ADDRESS: deviceAddress,
          CLUSTER_LEASE_MS: String(options.leaseMs),
          ...(i === 0 ? { CLUSTER_REDIRECTOR_LISTEN: `tcp:127.0.0.1:${options.redirectorPort}` } : {}),
        },
      });
      return { id, deviceAddress, controller, log, alive: true };
    }),
  );
}

/** Serials that two live instances both say they hold now (their own logs). */
export function heldTwice(instances: readonly ClusterInstance[]): string[] {
  const seen = new Map<string, string>();
  const twice: string[] = [];
  for (const instance of instances.filter((i) => i.alive)) {
    for (const serial of instance.log.held) {
      if (seen.has(serial)) twice.push(serial);
      else seen.set(serial, instance.id);
    }
  }
  return twice;
}
