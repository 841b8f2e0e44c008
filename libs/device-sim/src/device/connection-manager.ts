// OpenSync's connection manager, simulated: the device dials its controller (tcp: or ssl:
// with a client certificate whose CN is the serial) and serves OVSDB on that connection;
// after a drop it redials after a random backoff between AWLAN_Node.min_backoff and
// max_backoff. Redirector flow: dial redirector_addr until manager_addr is written, then
// follow manager_addr; after more than maxDisconnects failures (failed dials, and connections
// closed before they were stable, as CM2 counts disconnects) clear manager_addr and go back. While
// connected, an inactivity probe (connection-probe.ts) drops a controller that went silent.
import { ConnectionProbe } from './connection-probe';
import { DelayScheduler } from './delay-scheduler';
import { DeviceDbPort } from './device-db-port';
import { DeviceBehaviour } from './device-profile';
import { ServerConnection } from '../server/server-connection';

export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'backoff' | 'stopped';

export interface ConnectionManagerHooks {
  dial(target: string): Promise<ServerConnection>;
  onState(state: ConnectionState, detail: string): void;
  /** The inactivity probe sent an echo to the silent controller. */
  onProbe?(): void;
}

export class ConnectionManager {
  private state: ConnectionState = 'idle';
  private current: ServerConnection | undefined;
  private currentTarget = '';
  private failures = 0;
  private connectedAt = 0;
  private cancelTimer: (() => void) | undefined;
  private probe: ConnectionProbe | undefined;
  private unsubscribe: (() => void) | undefined;
  /** Times the connection was established, for progress reports. */
  connects = 0;

  constructor(
    private readonly port: DeviceDbPort,
    private readonly behaviour: DeviceBehaviour,
    private readonly scheduler: DelayScheduler,
    private readonly hooks: ConnectionManagerHooks,
    private readonly random: () => number = Math.random,
  ) {}

  get connectionState(): ConnectionState {
    return this.state;
  }

  /** The address of the controller the device is connected to now (redirector or manager). */
  get connectedTarget(): string | undefined {
    return this.state === 'connected' ? this.currentTarget : undefined;
  }

  start(): void {
    this.unsubscribe = this.port.onChange((tables) => {
      if (tables.has('AWLAN_Node')) this.onNodeChange();
    });
    void this.connect();
  }

  /** Drops the controller connection (fault injection, reboot); the device redials. */
  drop(reason: string): void {
    this.current?.rpc.close(reason);
  }

  stop(): void {
    this.setState('stopped', 'stopped');
    this.unsubscribe?.();
    this.cancelTimer?.();
    this.probe?.stop();
    this.current?.rpc.close('device stopping');
    this.current = undefined;
  }

  private node(): Record<string, unknown> | undefined {
    return this.port.rows('AWLAN_Node')[0];
  }

  private target(): string {
    const node = this.node();
    const manager = typeof node?.manager_addr === 'string' ? node.manager_addr : '';
    const redirector = typeof node?.redirector_addr === 'string' ? node.redirector_addr : '';
    return manager || redirector;
  }

  private onNodeChange(): void {
    const target = this.target();
    if (this.state === 'idle' && target) void this.connect();
    else if (this.state === 'connected' && target && target !== this.currentTarget) {
      // The redirector wrote manager_addr: leave it for the manager, once the redirector's
      // transaction has been answered (the change is seen while it is still being applied).
      const conn = this.current;
      this.scheduler.schedule(0, () => conn?.rpc.close(`following ${target}`));
    }
  }

  private async connect(): Promise<void> {
    if (this.state === 'stopped') return;
    const target = this.target();
    if (!target) {
      this.setState('idle', 'no redirector_addr or manager_addr');
      return;
    }
    this.setState('connecting', target);
    try {
      const conn = await this.hooks.dial(target);
      if (this.isStopped()) {
        conn.rpc.close('device stopping');
        return;
      }
      this.current = conn;
      this.currentTarget = target;
      this.connectedAt = Date.now();
      this.connects++;
      this.setState('connected', target);
      this.probe?.stop();
      const probeMs = this.behaviour.inactivityProbeMs;
      this.probe = probeMs > 0 ? new ConnectionProbe(conn.rpc, probeMs, this.scheduler, { onEcho: () => this.hooks.onProbe?.() }) : undefined;
      void conn.rpc.closed.then((reason) => this.onClosed(conn, reason.message));
    } catch (err) {
      this.failures++;
      await this.maybeBackToRedirector();
      this.backoff(`dial ${target} failed: ${(err as Error).message}`);
    }
  }

  private isStopped(): boolean {
    return this.state === 'stopped';
  }

  private onClosed(conn: ServerConnection, reason: string): void {
    if (this.current !== conn) return;
    this.current = undefined;
    this.probe?.stop();
    this.probe = undefined;
    if (this.isStopped()) return;
    const target = this.target();
    if (target !== this.currentTarget) {
      void this.connect();
      return;
    }
    if (Date.now() - this.connectedAt < this.behaviour.stablePeriodMs) this.failures++;
    else this.failures = 0;
    void this.maybeBackToRedirector().finally(() => this.backoff(`connection closed: ${reason}`));
  }

  private async maybeBackToRedirector(): Promise<void> {
    const node = this.node();
    // CM2 goes back to the redirector when its disconnect count exceeds CM2_MAX_DISCONNECTS.
    if (this.failures <= this.behaviour.maxDisconnects || !node?.redirector_addr || !node.manager_addr) return;
    this.failures = 0;
    await this.port.transact([{ op: 'update', table: 'AWLAN_Node', where: [], row: { manager_addr: '' } }]);
  }

  private backoff(detail: string): void {
    if (this.isStopped()) return;
    const node = this.node();
    const min = typeof node?.min_backoff === 'number' ? node.min_backoff : 1;
    const max = typeof node?.max_backoff === 'number' ? Math.max(node.max_backoff, min) : min;
    const delay = (min + this.random() * (max - min)) * this.behaviour.backoffUnitMs;
    this.setState('backoff', detail);
    this.cancelTimer = this.scheduler.schedule(delay, () => void this.connect());
  }

  private setState(state: ConnectionState, detail: string): void {
    if (this.state === 'stopped') return;
    this.state = state;
    this.hooks.onState(state, detail);
  }
}
