// The inactivity probe of OVS's jsonrpc session, on the device's connection to its
// controller (OpenSync sets it from Manager.inactivity_probe): after `intervalMs` with
// nothing received the device sends an `echo`; if nothing at all arrives for another
// `intervalMs` it closes the connection, and the connection manager redials with backoff.
// Without it a device whose final ACK was lost in an overflowing accept queue believes it
// is connected, waits for a controller that never speaks, and never redials.
//
// No Node timer per connection: each probe keeps one task on the fleet's shared
// DelayScheduler and re-arms it lazily when it fires (from the connection's lastReceivedAt),
// so received messages cost nothing but the timestamp RpcConnection already keeps.
import { RpcConnection, closeReason } from '@lib/ovsdb';
import { DelayScheduler } from './delay-scheduler';

export type ProbeStep =
  | { readonly kind: 'wait'; readonly until: number }
  | { readonly kind: 'echo'; readonly until: number }
  | { readonly kind: 'expire'; readonly silentForMs: number };

/**
 * What the probe does at `now`. `echoSentAt` is the time of an echo not yet followed by
 * any received message (undefined when there is none): anything received after an echo
 * counts as activity, its reply or not, as in OVS.
 */
export function probeStep(now: number, lastReceivedAt: number, echoSentAt: number | undefined, intervalMs: number): ProbeStep {
  if (echoSentAt !== undefined && lastReceivedAt < echoSentAt) {
    if (now - echoSentAt >= intervalMs) return { kind: 'expire', silentForMs: now - lastReceivedAt };
    return { kind: 'wait', until: echoSentAt + intervalMs };
  }
  if (now - lastReceivedAt >= intervalMs) return { kind: 'echo', until: now + intervalMs };
  return { kind: 'wait', until: lastReceivedAt + intervalMs };
}

export interface ConnectionProbeHooks {
  /** An echo went out (for logs). */
  readonly onEcho?: () => void;
}

export class ConnectionProbe {
  private echoSentAt: number | undefined;
  private cancel: (() => void) | undefined;
  private stopped = false;

  constructor(
    private readonly rpc: RpcConnection,
    private readonly intervalMs: number,
    private readonly scheduler: DelayScheduler,
    private readonly hooks: ConnectionProbeHooks = {},
    private readonly now: () => number = Date.now,
  ) {
    if (!(intervalMs > 0)) throw new RangeError(`inactivity probe interval must be positive (got ${intervalMs})`);
    this.arm(rpc.lastReceivedAt + intervalMs);
  }

  stop(): void {
    this.stopped = true;
    this.cancel?.();
    this.cancel = undefined;
  }

  private arm(at: number): void {
    if (this.stopped) return;
    this.cancel = this.scheduler.schedule(at - this.now(), () => this.check());
  }

  private check(): void {
    if (this.stopped || this.rpc.closeReason) return;
    const now = this.now();
    const step = probeStep(now, this.rpc.lastReceivedAt, this.echoSentAt, this.intervalMs);
    if (step.kind === 'expire') {
      this.stop();
      this.rpc.close(closeReason('INACTIVITY', `controller silent for ${step.silentForMs} ms and did not answer an echo probe`));
      return;
    }
    if (step.kind === 'echo') {
      this.echoSentAt = now;
      this.hooks.onEcho?.();
      // The answer matters only as a received message; a close rejects it, which is expected.
      this.rpc.request('echo', []).catch(() => undefined);
    } else if (this.echoSentAt !== undefined && this.rpc.lastReceivedAt >= this.echoSentAt) {
      this.echoSentAt = undefined;
    }
    this.arm(step.until);
  }
}
