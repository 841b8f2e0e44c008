// Many simulated devices in one process. They share one parsed schema and one delay
// scheduler (no timer per device), start at a bounded rate, and spread their source
// addresses over 127.0.0.x so a loopback controller does not run out of ephemeral ports.
import { EngineSchema } from '../engine/engine-schema';
import { DelayScheduler } from '../device/delay-scheduler';
import { DEFAULT_BEHAVIOUR, defaultProfile } from '../device/device-profile';
import { SimulatedDevice } from '../device/simulated-device';
import { DialOptions, parseEndpoint } from '../server/stream-endpoints';
import { FleetOptions, serialFor } from './fleet-options';
import { FleetTls } from './fleet-tls';

export interface FleetStats {
  readonly devices: number;
  readonly started: number;
  readonly connected: number;
  readonly converged: number;
  readonly errors: number;
}

export class Fleet {
  readonly scheduler = new DelayScheduler();
  readonly devices: SimulatedDevice[] = [];
  private errors = 0;
  private stopping = false;
  private readonly tls?: FleetTls;

  constructor(
    private readonly options: FleetOptions,
    private readonly schema: EngineSchema,
    private readonly onLog: (line: string) => void = () => undefined,
  ) {
    if (options.ssl && options.certDir) this.tls = new FleetTls(options.certDir);
  }

  private dialOptions(index: number, serial: string): DialOptions {
    const spec = parseEndpoint(this.options.controller);
    const host = 'host' in spec ? spec.host : '';
    const loopback = host === '127.0.0.1' || host === 'localhost';
    return {
      localAddress: loopback && this.options.sourceAddresses > 1 ? `127.0.0.${1 + (index % this.options.sourceAddresses)}` : undefined,
      tls: this.tls?.forSerial(serial),
    };
  }

  async start(): Promise<void> {
    const { devices, serialPrefix, rampPerSecond } = this.options;
    const shard = this.options.shard ?? { index: 0, count: 1 };
    // The ramp is the whole fleet's: each of the shard processes dials its share of it.
    const batch = Math.max(1, Math.ceil(rampPerSecond / shard.count / 10));
    let started = 0;
    for (let i = shard.index; i < devices && !this.stopping; i += shard.count) {
      const serial = serialFor(serialPrefix, i, devices);
      const device = new SimulatedDevice({
        schema: this.schema,
        profile: defaultProfile(serial, {
          ...(this.options.redirector ? { redirectorAddr: this.options.controller } : { managerAddr: this.options.controller }),
          minBackoff: this.options.minBackoff,
          maxBackoff: Math.max(this.options.maxBackoff, this.options.minBackoff),
        }),
        behaviour: {
          applyDelayMs: this.options.applyDelayMs,
          refuseRate: this.options.faultRate,
          slowRate: this.options.faultRate,
          dropRate: this.options.faultRate,
          inactivityProbeMs: this.options.inactivityProbeMs ?? DEFAULT_BEHAVIOUR.inactivityProbeMs,
          bootTimeMs: this.options.bootTimeMs,
          clientsPerDevice: this.options.clients ?? 0,
          clientChurnMs: this.options.clientChurnMs ?? 0,
        },
        scheduler: this.scheduler,
        dial: this.dialOptions(i, serial),
        onLog: (line) => {
          if (/failed|closed/.test(line)) this.errors++;
          this.onLog(line);
        },
      });
      this.devices.push(device);
      await device.start();
      if (++started % batch === 0) await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** How many of the fleet's devices this process runs (all of them unless sharded). */
  private shareOfFleet(): number {
    const { index, count } = this.options.shard ?? { index: 0, count: 1 };
    return Math.ceil((this.options.devices - index) / count);
  }

  stats(): FleetStats {
    let connected = 0;
    let converged = 0;
    for (const d of this.devices) {
      if (d.connectionState !== 'connected') continue;
      connected++;
      if (d.converged) converged++;
    }
    return { devices: this.shareOfFleet(), started: this.devices.length, connected, converged, errors: this.errors };
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.devices.map((d) => d.stop()));
    this.scheduler.close();
  }
}

export function formatStats(s: FleetStats): string {
  return `devices ${s.started}/${s.devices}  connected ${s.connected}  converged ${s.converged}  errors ${s.errors}`;
}
