// The "inconsistent update" fault of a simulated device: the first N update notifications
// that carry Wifi_VIF_State rows are each followed by one that modifies a Wifi_VIF_State row
// the device never had. Counted over the device's life, like the transact drops, so the
// device behaves once the N are spent.
import { randomUUID } from 'node:crypto';
import type { MonitorKind } from '../engine/monitor';
import { UpdateFaultHook } from '../server/update-fault';
import { DeviceBehaviour } from './device-profile';

const TABLE = 'Wifi_VIF_State';

export class InconsistentUpdateFault {
  private remaining: number;

  constructor(
    private readonly behaviour: Pick<DeviceBehaviour, 'inconsistentUpdates'>,
    private readonly onFault: () => void = () => undefined,
  ) {
    this.remaining = behaviour.inconsistentUpdates;
  }

  /** Faults injected so far. */
  get injected(): number {
    return this.behaviour.inconsistentUpdates - this.remaining;
  }

  readonly hook: UpdateFaultHook = (_database, kind, update) => {
    if (this.remaining <= 0 || update[TABLE] === undefined) return undefined;
    this.remaining--;
    this.onFault();
    return { [TABLE]: { [randomUUID()]: phantomModify(kind) } };
  };
}

function phantomModify(kind: MonitorKind): Record<string, unknown> {
  return kind === 'monitor_cond' ? { modify: { enabled: true } } : { old: { enabled: false }, new: { enabled: true } };
}
